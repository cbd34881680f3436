using System.Diagnostics;
using System.Net;

namespace CorsProbing.Http;

/// <summary>
/// The transport used when the caller brings none: one shared <see cref="SocketsHttpHandler"/> that never follows
/// redirects, never sends cookies, ignores proxies, decompresses nothing and bounds the response headers.
/// </summary>
internal static class DefaultTransport
{
    /// <summary>Response headers larger than this (in KiB) fail the preflight as unreachable.</summary>
    public const int MaxResponseHeadersKilobytes = 64;

    private static readonly Lazy<HttpClient> SharedClient = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared client; its timeout is infinite because each probe applies its own.</summary>
    public static HttpClient Client => SharedClient.Value;

    private static HttpClient Create()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxResponseHeadersLength = MaxResponseHeadersKilobytes,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            // No traceparent/baggage headers leak to the probed servers.
            ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
        };

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}

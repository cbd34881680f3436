using System.Diagnostics;
using System.Net;
using CorsProbing.Safety;

namespace CorsProbing;

/// <summary>
/// The handler CorsProbe's default transport uses, for callers who build their own <see cref="HttpClient"/> (for
/// example with <c>IHttpClientFactory</c>) and want to keep its guard: the network policy's SSRF check on every
/// connect, no redirects, no cookies, no proxy, no trace headers, bounded response headers and a connect timeout.
/// </summary>
public static class CorsProbeHandler
{
    /// <summary>Response headers larger than this (in KiB) fail the request.</summary>
    public const int MaxResponseHeadersKilobytes = 64;

    /// <summary>Creates a guarded handler; the caller owns and disposes it.</summary>
    /// <param name="policy">Which addresses may be reached; <see langword="null"/> for <see cref="NetworkPolicy.PublicOnly"/>.</param>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler Create(NetworkPolicy? policy = null) => Create(policy ?? NetworkPolicy.PublicOnly, resolver: null);

    /// <summary>Creates a guarded handler with a resolver seam (tests map host names to loopback addresses).</summary>
    internal static SocketsHttpHandler Create(NetworkPolicy policy, Func<string, CancellationToken, Task<IPAddress[]>>? resolver) => new()
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
        ConnectCallback = new GuardedConnect(policy, resolver).ConnectAsync,
    };
}

using System.Collections.Concurrent;

namespace CorsProbing.Http;

/// <summary>
/// The transport used when the caller brings none: one shared guarded client per network policy (a pooled connection
/// made under a looser policy must never serve a stricter one), with an infinite timeout because each probe applies
/// its own.
/// </summary>
internal static class DefaultTransport
{
    private static readonly ConcurrentDictionary<NetworkPolicy, Lazy<HttpClient>> Clients = new();

    /// <summary>The shared client for <paramref name="policy"/>.</summary>
    public static HttpClient For(NetworkPolicy policy) =>
        Clients.GetOrAdd(policy, p => new Lazy<HttpClient>(() => new HttpClient(CorsProbeHandler.Create(p), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan })).Value;
}

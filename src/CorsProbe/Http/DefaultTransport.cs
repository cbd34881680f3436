using System.Collections.Concurrent;
using CorsProbing.Safety;

namespace CorsProbing.Http;

/// <summary>
/// The transport used when the caller brings none: one shared guarded client per network policy and trusted-certificate set
/// (a pooled connection made under a looser policy must never serve a stricter one), with an infinite timeout because each probe applies
/// its own.
/// </summary>
internal static class DefaultTransport
{
    private static readonly ConcurrentDictionary<(NetworkPolicy Policy, TrustedCertificates Trust), Lazy<HttpClient>> Clients = new();

    /// <summary>The shared client for <paramref name="policy"/> and <paramref name="trust"/>.</summary>
    public static HttpClient For(NetworkPolicy policy, TrustedCertificates trust) =>
        Clients.GetOrAdd((policy, trust), key => new Lazy<HttpClient>(() =>
            new HttpClient(CorsProbeHandler.Create(key.Policy, key.Trust, resolver: null), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan })).Value;
}

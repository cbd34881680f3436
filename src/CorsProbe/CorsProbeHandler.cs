using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using CorsProbing.Safety;

namespace CorsProbing;

/// <summary>
/// A guarded <see cref="SocketsHttpHandler"/> for callers who build their own <see cref="HttpClient"/> (for example
/// with <c>IHttpClientFactory</c>, to chain retries or logging) and want to keep CorsProbe's guard: the network policy's
/// SSRF check on every connect, no redirects, no cookies, no proxy, no trace headers, response heads bounded at
/// browsers' 256 KiB and a connect timeout.
/// </summary>
/// <remarks>
/// A probe sent through it (<see cref="CorsProbeBuilder.UsingHandler"/>) is judged on the response .NET parsed, for
/// every engine alike: the raw bytes are not read, so the engines' own readings of a malformed head (CORS019, CORS110)
/// are not available. Without a handler of your own, CorsProbe sends through its own transport, which reads them.
/// </remarks>
public static class CorsProbeHandler
{

    /// <summary>Creates a guarded handler for <see cref="NetworkPolicy.PublicOnly"/>; the caller owns and disposes it.</summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler Create() => Create(NetworkPolicy.PublicOnly);

    /// <summary>Creates a guarded handler; the caller owns and disposes it.</summary>
    /// <param name="policy">Which addresses may be reached; <see langword="null"/> for <see cref="NetworkPolicy.PublicOnly"/>.</param>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler Create(NetworkPolicy? policy) => Create(policy ?? NetworkPolicy.PublicOnly, TrustedCertificates.None, resolver: null);

    /// <summary>
    /// Creates a guarded handler that also trusts <paramref name="trustedCertificates"/>: a server presenting one of them
    /// is accepted for any host name, and one whose certificate chains to one of them is accepted when its name matches.
    /// Meant for test servers with a self-signed or test-CA certificate; the caller owns and disposes the handler.
    /// </summary>
    /// <param name="policy">Which addresses may be reached; <see langword="null"/> for <see cref="NetworkPolicy.PublicOnly"/>.</param>
    /// <param name="trustedCertificates">The certificates to trust beyond the system's roots (copied).</param>
    /// <returns>A new handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trustedCertificates"/> or one of its elements is null.</exception>
    public static SocketsHttpHandler Create(NetworkPolicy? policy, IEnumerable<X509Certificate2> trustedCertificates)
    {
        ArgumentNullException.ThrowIfNull(trustedCertificates);
        var trust = TrustedCertificates.None;
        foreach (var certificate in trustedCertificates)
        {
            ArgumentNullException.ThrowIfNull(certificate, nameof(trustedCertificates));
            trust = trust.With(certificate);
        }

        return Create(policy ?? NetworkPolicy.PublicOnly, trust, resolver: null);
    }

    /// <summary>Creates a guarded handler with a resolver seam (tests map host names to loopback addresses).</summary>
    internal static SocketsHttpHandler Create(NetworkPolicy policy, Func<string, CancellationToken, Task<IPAddress[]>>? resolver) =>
        Create(policy, TrustedCertificates.None, resolver);

    internal static SocketsHttpHandler Create(NetworkPolicy policy, TrustedCertificates trust, Func<string, CancellationToken, Task<IPAddress[]>>? resolver) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
#pragma warning disable CA2262 // Kilobytes are meant: browsers' limit.
        MaxResponseHeadersLength = Http.WireRules.ChromiumMaxHeadBytes / 1024,
#pragma warning restore CA2262
        ConnectTimeout = TimeSpan.FromSeconds(30),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),

        // No traceparent/baggage headers leak to the probed servers.
        ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
        ConnectCallback = new GuardedConnect(policy, resolver).ConnectAsync,
        SslOptions = trust.IsEmpty ? new() : new() { RemoteCertificateValidationCallback = (_, certificate, chain, errors) => trust.Validate(certificate, chain, errors) },
    };
}

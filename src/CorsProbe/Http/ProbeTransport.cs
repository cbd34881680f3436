using CorsProbing.Requirements;

namespace CorsProbing.Http;

/// <summary>The client a probe sends through: the caller's client, a client around the caller's handler, or the shared guarded default.</summary>
internal static class ProbeTransport
{
    /// <summary>
    /// Chooses the client <paramref name="requirements"/> ask for. <paramref name="owned"/> is the client made here, which
    /// the caller disposes; the caller's own client and handler are never disposed.
    /// </summary>
    public static HttpClient For(CorsRequirements requirements, out HttpClient? owned)
    {
        owned = requirements.Client is null && requirements.Handler is { } handler
            ? new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }
            : null;
        return requirements.Client ?? owned ?? DefaultTransport.For(requirements.NetworkPolicy, requirements.TrustedCertificates);
    }
}

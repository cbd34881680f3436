namespace CorsProbing.Http;

/// <summary>The transport a probe sends through: the caller's client or handler, else CorsProbe's own.</summary>
internal static class ProbeTransport
{
    /// <summary>
    /// Chooses the transport <paramref name="requirements"/> ask for. <paramref name="owned"/> is what was made here for
    /// this probe alone (a client around the caller's handler), which the caller disposes; the caller's own client and
    /// handler are never disposed.
    /// </summary>
    public static ExchangeTransport For(CorsRequirements requirements, out IDisposable? owned)
    {
        if (requirements.Client is { } client)
        {
            owned = null;
            return new ClientTransport(client);
        }

        if (requirements.Handler is { } handler)
        {
            var around = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            owned = around;
            return new ClientTransport(around);
        }

        owned = null;
        return WireTransport.For(requirements.NetworkPolicy, requirements.TrustedCertificates);
    }
}

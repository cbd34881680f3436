using CorsProbing.Requirements;

namespace CorsProbing.Http;

/// <summary>The client a probe sends through: the caller's client, a client around the caller's handler, or the shared guarded default.</summary>
internal readonly struct ProbeTransport : IDisposable
{
    private readonly HttpClient? _owned;

    private ProbeTransport(HttpClient client, HttpClient? owned)
    {
        Client = client;
        _owned = owned;
    }

    /// <summary>The client to send with.</summary>
    public HttpClient Client { get; }

    /// <summary>Chooses the transport <paramref name="requirements"/> ask for. The caller's client and handler are never disposed.</summary>
    public static ProbeTransport For(CorsRequirements requirements)
    {
        if (requirements.Client is { } client)
        {
            return new ProbeTransport(client, null);
        }

        if (requirements.Handler is { } handler)
        {
            var owned = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            return new ProbeTransport(owned, owned);
        }

        return new ProbeTransport(DefaultTransport.For(requirements.NetworkPolicy, requirements.TrustedCertificates), null);
    }

    /// <inheritdoc />
    public void Dispose() => _owned?.Dispose();
}

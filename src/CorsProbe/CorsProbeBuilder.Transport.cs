using System.Security.Cryptography.X509Certificates;

namespace CorsProbing;

// How the probe reaches the target: the transport, the network policy, the certificates it trusts, the clock.
public sealed partial class CorsProbeBuilder
{
    /// <summary>
    /// Lets the default transport reach loopback addresses (an API on this machine, a test server). By default every
    /// loopback, private, link-local and special-purpose address is refused (<c>CORS016</c>), so a customer-supplied URL
    /// cannot reach your own network. Has no effect on a handler or client you supply.
    /// </summary>
    /// <returns>A new builder.</returns>
    /// <exception cref="InvalidOperationException">The probe goes through a client whose handler takes its network policy from configuration (<c>AddCorsProbeHttpClient</c>); the message names the key.</exception>
    public CorsProbeBuilder AllowLoopback() => WithPolicy(_requirements.NetworkPolicy.AllowLoopback(), nameof(AllowLoopback));

    /// <summary>Lets the default transport reach RFC 1918 and unique-local addresses (an intranet API); link-local and metadata addresses stay refused.</summary>
    /// <returns>A new builder.</returns>
    /// <exception cref="InvalidOperationException">The probe goes through a client whose handler takes its network policy from configuration; the message names the key.</exception>
    public CorsProbeBuilder AllowPrivateNetworks() => WithPolicy(_requirements.NetworkPolicy.AllowPrivateNetworks(), nameof(AllowPrivateNetworks));

    /// <summary>Sets which addresses the default transport may reach; default <see cref="NetworkPolicy.PublicOnly"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The probe goes through a client whose handler takes its network policy from configuration; the message names the key.</exception>
    public CorsProbeBuilder WithNetworkPolicy(NetworkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return WithPolicy(policy, nameof(WithNetworkPolicy));
    }

    /// <summary>
    /// The same probe, whose network policy its transport takes from elsewhere (<paramref name="why"/>): a call that
    /// would change it throws, naming the setting to change instead.
    /// </summary>
    internal CorsProbeBuilder FixingNetworkPolicy(string why) => new(_requirements with { FixedNetworkPolicy = why }, _plan?.With(_requirements with { FixedNetworkPolicy = why }));

    /// <summary>
    /// Makes the default transport trust <paramref name="certificate"/> too: a test server presenting exactly this
    /// certificate is accepted for any host name, and one whose certificate chains to it (a test CA) when its name matches.
    /// Without it, a certificate the system does not trust is <c>CORS001</c>, as in a browser. Has no effect on a handler
    /// or client you supply. Meant for tests: never trust a customer's certificate this way.
    /// </summary>
    /// <param name="certificate">The certificate to trust (copied; the caller may dispose theirs).</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is null.</exception>
    public CorsProbeBuilder TrustCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new(_requirements with { TrustedCertificates = _requirements.TrustedCertificates.With(certificate) });
    }

    /// <summary>
    /// Sends the preflights through <paramref name="handler"/> (MockHttp, TestServer, your own pipeline) instead of the
    /// default transport. CorsProbe never disposes it.
    /// </summary>
    /// <param name="handler">The transport.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    public CorsProbeBuilder UsingHandler(HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return WithTransport(_requirements with { Handler = handler, Client = null });
    }

    /// <summary>
    /// Sends the preflights with <paramref name="client"/>. CorsProbe never disposes it. Its
    /// <see cref="HttpClient.DefaultRequestHeaders"/> are added to every preflight, so keep them free of credentials.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public CorsProbeBuilder UsingHttpClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return WithTransport(_requirements with { Client = client, Handler = null });
    }

    /// <summary>Uses <paramref name="timeProvider"/> for the timeout and elapsed times (tests use a fake clock).</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public CorsProbeBuilder UsingTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new(_requirements with { TimeProvider = timeProvider });
    }

    private CorsProbeBuilder WithPolicy(NetworkPolicy policy, string call) => _requirements.FixedNetworkPolicy is { } why
        ? throw new InvalidOperationException($"{call}() cannot change this probe's network policy: {why}.")
        : new(_requirements with { NetworkPolicy = policy });

    // The transport does not change what is sent, so a resolved plan carries over (a retargeted template given the
    // client of the moment, as the DI prober does per probe, stays cheap).
    private CorsProbeBuilder WithTransport(CorsRequirements requirements) => new(requirements, _plan?.With(requirements));
}

using System.Collections.Immutable;

namespace CorsProbing.Dashboard.Targets;

/// <summary>
/// The origins the dashboard may reach although they are on loopback or a private network, each with the transport
/// that reaches it: configured origins (and the demo API's real one) through CorsProbe's own handler allowing those
/// address classes, a mapped name (the demo's <c>http://api.demo.test</c>) to its loopback port. A probe of a trusted
/// origin goes through <see cref="Router"/>, which routes each hop again (CorsProbe follows redirects itself), so a
/// trusted API redirecting into the internal network is still refused; every other probe keeps CorsProbe's own
/// transport and its SSRF guard (<c>CorsProbe:AllowLoopback</c>, <c>AllowPrivateNetworks</c>).
/// </summary>
public sealed class TrustedTargets : IDisposable
{
    private readonly HttpMessageInvoker _internalNetwork = new(CorsProbeHandler.Create(NetworkPolicy.PublicOnly.AllowLoopback().AllowPrivateNetworks()));
    private ImmutableDictionary<string, HttpMessageInvoker> _routes = ImmutableDictionary<string, HttpMessageInvoker>.Empty;

    /// <summary>Starts with the configured <see cref="DashboardOptions.TrustedTargets"/>; every other target through the guard under <paramref name="probing"/>'s policy.</summary>
    public TrustedTargets(IOptions<DashboardOptions> options, IOptions<CorsProbeOptions> probing)
    {
        Router = new TrustedTargetHandler(this) { InnerHandler = CorsProbeHandler.Create(probing.Value.ToNetworkPolicy()) };
        foreach (var origin in options.Value.TrustedTargets)
        {
            Add(origin);
        }
    }

    /// <summary>
    /// The handler for requests that may go to a trusted origin (probes of one, webhooks): each request to a trusted
    /// origin through that origin's transport, every other through the SSRF guard under the configured policy.
    /// </summary>
    public HttpMessageHandler Router { get; }

    /// <summary>The trusted origins, e.g. <c>http://127.0.0.1:5081</c>.</summary>
    public IEnumerable<string> Origins => _routes.Keys;

    /// <summary>Trusts <paramref name="origin"/> (scheme, host and port) from now on.</summary>
    public void Add(string origin) => Route(origin, _internalNetwork);

    /// <summary>Sends every request for <paramref name="origin"/> to <paramref name="loopbackPort"/> on 127.0.0.1, whatever its host resolves to.</summary>
    public void Map(string origin, int loopbackPort) => Route(origin, new HttpMessageInvoker(CorsProbing.Demo.LoopbackHandler.Create(loopbackPort)));

    /// <summary>
    /// <paramref name="probe"/> through <see cref="Router"/> when its URL is on a trusted origin (read as .NET reads it:
    /// the engines' raw-byte readings are made only on CorsProbe's own transport); unchanged otherwise.
    /// </summary>
    public CorsProbeBuilder Route(CorsProbeBuilder probe) => TransportFor(probe.Url) is null ? probe : probe.UsingHandler(Router);

    /// <summary>The transport for <paramref name="url"/>, or null when it is not on a trusted origin.</summary>
    internal HttpMessageInvoker? TransportFor(Uri? url) =>
        url is { IsAbsoluteUri: true } && _routes.TryGetValue(Normalize(url), out var transport) ? transport : null;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var transport in _routes.Values.Append(_internalNetwork).Distinct())
        {
            transport.Dispose();
        }

        Router.Dispose();
    }

    private void Route(string origin, HttpMessageInvoker transport) =>
        ImmutableInterlocked.Update(ref _routes, routes => routes.SetItem(Normalize(new Uri(origin, UriKind.Absolute)), transport));

    private static string Normalize(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}

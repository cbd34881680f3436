using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace CorsProbing.Dashboard.Targets;

/// <summary>
/// The origins the dashboard may probe although they are on loopback or a private network, each with the transport
/// that reaches it: configured origins (and the demo API's real one) through CorsProbe's own handler allowing those
/// address classes, a mapped name (the demo's <c>http://api.demo.test</c>) to its loopback port. Every other request
/// keeps the SSRF guard.
/// </summary>
public sealed class TrustedTargets : IDisposable
{
    private readonly HttpMessageInvoker _internalNetwork = new(CorsProbeHandler.Create(NetworkPolicy.PublicOnly.AllowLoopback().AllowPrivateNetworks()));
    private ImmutableDictionary<string, HttpMessageInvoker> _routes = ImmutableDictionary<string, HttpMessageInvoker>.Empty;

    /// <summary>Starts with the configured <see cref="DashboardOptions.TrustedTargets"/>.</summary>
    public TrustedTargets(IOptions<DashboardOptions> options)
    {
        foreach (var origin in options.Value.TrustedTargets)
        {
            Add(origin);
        }
    }

    /// <summary>The trusted origins, e.g. <c>http://127.0.0.1:5081</c>.</summary>
    public IEnumerable<string> Origins => _routes.Keys;

    /// <summary>Trusts <paramref name="origin"/> (scheme, host and port) from now on.</summary>
    public void Add(string origin) => Route(origin, _internalNetwork);

    /// <summary>Sends every request for <paramref name="origin"/> to <paramref name="loopbackPort"/> on 127.0.0.1, whatever its host resolves to.</summary>
    public void Map(string origin, int loopbackPort) => Route(origin, new HttpMessageInvoker(CorsProbing.Demo.LoopbackHandler.Create(loopbackPort)));

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
    }

    private void Route(string origin, HttpMessageInvoker transport) =>
        ImmutableInterlocked.Update(ref _routes, routes => routes.SetItem(Normalize(new Uri(origin, UriKind.Absolute)), transport));

    private static string Normalize(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}

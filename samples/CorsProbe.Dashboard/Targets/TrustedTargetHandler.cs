namespace CorsProbing.Dashboard.Targets;

/// <summary>
/// Sits in front of the SSRF-guarded handler of the probe client: a request to a trusted origin goes to that origin's
/// transport, every other request through the guard. CorsProbe follows redirects itself, one hop at a time, so each
/// hop is routed again: a trusted API redirecting into the internal network is still refused.
/// </summary>
internal sealed class TrustedTargetHandler(TrustedTargets trusted) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        trusted.TransportFor(request.RequestUri) is { } transport
            ? transport.SendAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);
}

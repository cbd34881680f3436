using CorsProbing.Conformance.Cases;

namespace CorsProbing.Conformance.RealServers;

/// <summary>One request to one configuration of a real CORS implementation.</summary>
/// <param name="Host">The host name the server is reached as (mapped to its loopback port).</param>
/// <param name="Path">The path of the configuration.</param>
/// <param name="Setup">What the configuration is, in words.</param>
/// <param name="Credentials">Whether the request includes credentials.</param>
/// <param name="Kind">The request shape.</param>
/// <param name="Galxe">The platform's documented check's verdict for this configuration and request, when the test knows it.</param>
/// <param name="Origin">The page's origin: the dashboard, or a foreign one.</param>
public sealed record RealServerScenario(
    string Host, string Path, string Setup, bool Credentials, RequestKind Kind, CorsVerdict? Galxe, CaseOrigin Origin = CaseOrigin.Galxe)
{
    /// <summary>The URL.</summary>
    public string Url => $"https://{Host}{Path}";

    /// <inheritdoc />
    public override string ToString() =>
        $"{Url} ({Setup}), {Kind}{(Credentials ? " with credentials" : string.Empty)} from {CaseOrigins.Serialize(Origin)}";
}

namespace CorsProbing.Tests.Support;

/// <summary>Shorthands for tests.</summary>
public static class Probe
{
    public const string Url = "https://api.example.com/quests";
    public const string Origin = "https://dashboard.galxe.com";

    /// <summary>A builder for <see cref="Url"/> from <see cref="Origin"/> through <paramref name="server"/>.</summary>
    public static CorsProbeBuilder Through(HttpMessageHandler server) =>
        CorsProbe.For(Url).WithOrigin(Origin).UsingHandler(server);

    public static Task<CorsReport> RunAsync(this CorsProbeBuilder builder) =>
        builder.ProbeAsync(TestContext.Current.CancellationToken);

    public static string[] Codes(this CorsReport report) => report.Findings.Select(f => f.Code).ToArray();

    public static IEnumerable<CorsFinding> Errors(this CorsReport report) => report.Findings.Where(f => f.Severity == CorsSeverity.Error);

    public static string? Header(this HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}

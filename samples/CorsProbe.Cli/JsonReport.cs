using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorsProbing.Cli;

/// <summary>The <c>--json</c> output: a flat, stable shape of the report.</summary>
public sealed record JsonReport(
    string Url,
    string Origin,
    string Profile,
    string Verdict,
    IReadOnlyDictionary<string, string> Verdicts,
    IReadOnlyList<JsonFinding> Findings,
    IReadOnlyList<JsonPreflight> Preflights,
    string CurlCommand,
    bool Audited,
    IReadOnlyList<JsonSecurityFinding> SecurityFindings)
{
    public static JsonReport From(CorsReport report) => new(
        report.Url.OriginalString,
        report.Origin,
        report.Profile.ToString(),
        report.Verdict.ToString(),
        Enum.GetValues<CorsProfile>().ToDictionary(p => p.ToString(), p => report.VerdictFor(p).ToString()),
        report.Findings.Select(f => new JsonFinding(f.Code, f.Severity.ToString(), f.Title, f.Message, f.Remedy, f.Method)).ToArray(),
        report.Preflights.Select(JsonPreflight.From).ToArray(),
        report.CurlCommand,
        report.IsAudited,
        report.SecurityFindings.Select(f => new JsonSecurityFinding(f.Code, f.Risk.ToString(), f.Title, f.Message, f.Remedy, f.AcceptedOrigin, f.Evidence, f.Cwe)).ToArray());

    public string ToJson() => JsonSerializer.Serialize(this, CliJsonContext.Default.JsonReport);
}

public sealed record JsonSecurityFinding(string Code, string Risk, string Title, string Message, string Remedy, string? AcceptedOrigin, string Evidence, string Cwe);

public sealed record JsonFinding(string Code, string Severity, string Title, string Message, string? Remedy, string? Method);

public sealed record JsonPreflight(
    string Method,
    bool BrowserSendsPreflight,
    IReadOnlyList<string[]> RequestHeaders,
    int? Status,
    IReadOnlyList<string[]> ResponseHeaders,
    double ElapsedMilliseconds,
    string? Error,
    JsonPreflight? ActualRequest)
{
    public static JsonPreflight From(PreflightExchange exchange) => new(
        exchange.Method,
        exchange.BrowserSendsPreflight,
        exchange.RequestHeaders.Select(h => new[] { h.Key, h.Value }).ToArray(),
        exchange.StatusCode,
        exchange.ResponseHeaders.Select(h => new[] { h.Key, h.Value }).ToArray(),
        exchange.Elapsed.TotalMilliseconds,
        exchange.Error,
        exchange.ActualRequest is { } actual ? From(actual) : null);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

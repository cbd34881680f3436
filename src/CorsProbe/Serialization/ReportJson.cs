using System.Text.Json;
using CorsProbing.Evaluation;
using CorsProbing.Http;

namespace CorsProbing.Serialization;

/// <summary>
/// Writes a report as versioned JSON (docs/report.schema.json) and reads it back into an equal report: every verdict,
/// finding (with its severity under each profile), exchange and security finding survives the round trip.
/// </summary>
internal static class ReportJson
{
    /// <summary>The version of the JSON shape this build writes and reads.</summary>
    public const int SchemaVersion = 1;

    public static string Write(CorsReport report) =>
        JsonSerializer.Serialize(ToDocument(report), CorsProbeJsonContext.Default.ReportDocument);

    public static CorsReport Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = JsonSerializer.Deserialize(json, CorsProbeJsonContext.Default.ReportDocument)
            ?? throw new JsonException("The JSON is `null`, not a CorsProbe report.");
        if (document.SchemaVersion != SchemaVersion)
        {
            throw new JsonException($"This is a CorsProbe report of schema version {document.SchemaVersion}; this version of CorsProbe reads version {SchemaVersion}.");
        }

        return FromDocument(document);
    }

    private static ReportDocument ToDocument(CorsReport report) => new()
    {
        SchemaVersion = SchemaVersion,
        Url = report.Url.OriginalString,
        Origin = report.Origin,
        Profile = report.Profile,
        Credentials = report.IncludesCredentials,
        Verdict = report.Verdict,
        Verdicts = new VerdictsDocument(report.VerdictFor(CorsProfile.Browser), report.VerdictFor(CorsProfile.Galxe)),
        ElapsedMilliseconds = report.Elapsed.TotalMilliseconds,
        Findings = [.. report.Findings.Select(f => new FindingDocument
        {
            Code = f.Code,
            Severity = f.Severity,
            Severities = new SeveritiesDocument(f.SeverityUnder(CorsProfile.Browser), f.SeverityUnder(CorsProfile.Galxe)),
            Title = f.Title,
            Message = f.Message,
            Remedy = f.Remedy,
            Method = f.Method,
        })],
        Preflights = [.. report.Preflights.Select(ToDocument)],
        CurlCommand = report.CurlCommand,
        Audited = report.IsAudited,
        SecurityFindings = [.. report.SecurityFindings.Select(f => new SecurityFindingDocument
        {
            Code = f.Code,
            Risk = f.Risk,
            Title = f.Title,
            Message = f.Message,
            Remedy = f.Remedy,
            AcceptedOrigin = f.AcceptedOrigin,
            Evidence = f.Evidence,
            Cwe = f.Cwe,
        })],
    };

    private static ExchangeDocument ToDocument(PreflightExchange exchange) => new()
    {
        Method = exchange.Method,
        Url = exchange.Url.OriginalString,
        BrowserSendsPreflight = exchange.BrowserSendsPreflight,
        RequestHeaders = [.. exchange.RequestHeaders.Select(h => new[] { h.Key, h.Value })],
        Status = exchange.StatusCode,
        ReasonPhrase = exchange.ReasonPhrase,
        ResponseHeaders = [.. exchange.ResponseHeaders.Select(h => new[] { h.Key, h.Value })],
        ElapsedMilliseconds = exchange.Elapsed.TotalMilliseconds,
        Error = exchange.Error,
        ActualRequest = exchange.ActualRequest is { } actual ? ToDocument(actual) : null,
    };

    private static CorsReport FromDocument(ReportDocument document)
    {
        var url = AbsoluteUrl(document.Url, "url");
        var findings = Required(document.Findings, "findings").Select(f => new CorsFinding(
            Required(f.Code, "findings[].code"),
            document.Profile,
            Required(f.Severities, "findings[].severities").Browser,
            f.Severities.Galxe,
            Required(f.Message, "findings[].message"),
            f.Remedy,
            f.Method)).ToArray();
        var preflights = Required(document.Preflights, "preflights").Select(p => FromDocument(p, Required(document.Origin, "origin"), document.Credentials)).ToArray();
        if (preflights.Length == 0)
        {
            throw new JsonException("A CorsProbe report has at least one preflight; `preflights` is empty.");
        }

        var security = (document.SecurityFindings ?? []).Select(f => new CorsSecurityFinding(
            Required(f.Code, "securityFindings[].code"),
            f.Risk,
            Required(f.Message, "securityFindings[].message"),
            Required(f.Remedy, "securityFindings[].remedy"),
            f.AcceptedOrigin,
            Required(f.Evidence, "securityFindings[].evidence"))).ToArray();
        var verdicts = Required(document.Verdicts, "verdicts");
        return new CorsReport(
            url,
            document.Origin,
            document.Profile,
            document.Credentials,
            verdicts.Browser,
            verdicts.Galxe,
            Array.AsReadOnly(findings),
            Array.AsReadOnly(preflights),
            Milliseconds(document.ElapsedMilliseconds),
            Array.AsReadOnly(security),
            document.Audited);
    }

    private static PreflightExchange FromDocument(ExchangeDocument exchange, string origin, bool credentials)
    {
        var requestHeaders = Lines(Required(exchange.RequestHeaders, "preflights[].requestHeaders"), "requestHeaders");

        // The exchange's description is rebuilt from what was sent: the requested headers are the ACRH value's names.
        var requested = requestHeaders.FirstOrDefault(h => string.Equals(h.Key, CorsHeaderNames.RequestHeaders, StringComparison.OrdinalIgnoreCase)).Value;
        string[] unsafeNames = requested is null ? [] : requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var context = new PreflightContext(AbsoluteUrl(exchange.Url, "preflights[].url"), origin, Required(exchange.Method, "preflights[].method"), unsafeNames, credentials);
        return new PreflightExchange(
            context,
            Array.AsReadOnly(requestHeaders),
            exchange.Status,
            exchange.ReasonPhrase,
            Array.AsReadOnly(Lines(Required(exchange.ResponseHeaders, "preflights[].responseHeaders"), "responseHeaders")),
            Milliseconds(exchange.ElapsedMilliseconds),
            exchange.Error,
            exchange.ActualRequest is { } actual ? FromDocument(actual, origin, credentials) : null);
    }

    private static KeyValuePair<string, string>[] Lines(IReadOnlyList<string[]> lines, string name) =>
        [.. lines.Select(line => line is [{ } key, { } value]
            ? new KeyValuePair<string, string>(key, value)
            : throw new JsonException($"Each of `{name}` is a [name, value] pair of strings."))];

    private static Uri AbsoluteUrl(string? text, string name) =>
        Uri.TryCreate(Required(text, name), UriKind.Absolute, out var url) ? url : throw new JsonException($"`{name}` is not an absolute URL: {text}");

    // Ticks, not TimeSpan.FromMilliseconds(double): the value written was exact to the tick and must read back so.
    private static TimeSpan Milliseconds(double milliseconds) =>
        double.IsFinite(milliseconds) && milliseconds >= 0
            ? TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond))
            : throw new JsonException($"An elapsed time must be a non-negative number of milliseconds, not {milliseconds}.");

    private static T Required<T>(T? value, string name)
        where T : class =>
        value ?? throw new JsonException($"`{name}` is required and must not be null.");
}

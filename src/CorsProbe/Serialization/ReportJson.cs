using System.Text.Json;
using CorsProbing.Http;

namespace CorsProbing.Serialization;

/// <summary>
/// Writes a report as versioned JSON (docs/report.schema.json) and reads it back into an equal report: every verdict,
/// finding (with its severity under each profile), exchange and security finding survives the round trip.
/// </summary>
/// <remarks>
/// Version 2 keys <c>verdicts</c> and each finding's <c>severities</c> by profile name, so a report judged under a
/// caller's own profile can be written too. Version 3 adds each exchange's <c>kind</c>, <c>evidence</c>, <c>redirects</c>
/// and <c>rawBytesRead</c>, version 4 its <c>engines</c>, version 5 each finding's <c>engines</c>; from version 6 the
/// platform profile is keyed only when the report was judged under it (before, always); version 7 adds the verdict
/// Inconclusive (CORS021), which no earlier version holds. Every earlier version
/// is still read: versions 1 (the built-in names as camel-case keys) and 2 with evidence None, exchanges before 4 and
/// findings before 5 as about every engine.
/// A profile that is not built in is read back by name, with the browser's rules: its verdicts and severities are
/// kept, not its definition.
/// </remarks>
internal static class ReportJson
{
    /// <summary>The version of the JSON shape this build writes.</summary>
    public const int SchemaVersion = CorsReport.JsonSchemaVersion;

    public static string Write(CorsReport report) =>
        JsonSerializer.Serialize(ToDocument(report), CorsProbeJsonContext.Default.ReportDocument);

    /// <summary>Writes the report into <paramref name="writer"/>, as one value of a larger document (the OpenAPI report's operations).</summary>
    public static void Write(Utf8JsonWriter writer, CorsReport report) =>
        JsonSerializer.Serialize(writer, ToDocument(report), CorsProbeJsonContext.Default.ReportDocument);

    public static CorsReport Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = JsonSerializer.Deserialize(json, CorsProbeJsonContext.Default.ReportDocument)
            ?? throw new JsonException("The JSON is `null`, not a CorsProbe report.");
        if (document.SchemaVersion is < 1 or > SchemaVersion)
        {
            throw new JsonException($"This is a CorsProbe report of schema version {document.SchemaVersion}; this version of CorsProbe reads versions 1 to {SchemaVersion}.");
        }

        return FromDocument(document);
    }

    private static ReportDocument ToDocument(CorsReport report) => new(
        SchemaVersion,
        report.Url.OriginalString,
        report.Origin,
        report.Profile.Name,
        report.IncludesCredentials,
        report.Verdict,
        report.Profiles.ToDictionary(p => p.Name, report.VerdictFor),
        report.Elapsed.TotalMilliseconds,
        [.. report.Findings.Select(f => new FindingDocument(
            f.Code, f.Severity, f.Profiles.Select((p, i) => (p.Name, f.Severities[i])).ToDictionary(), f.Title, f.Message, f.Remedy, f.Method, [.. f.Engines.Select(e => e.Name)]))],
        [.. report.Preflights.Select(ToDocument)],
        report.CurlCommand,
        report.IsAudited,
        [.. report.SecurityFindings.Select(f => new SecurityFindingDocument(f.Code, f.Risk, f.Title, f.Message, f.Remedy, f.AcceptedOrigin, f.Evidence, f.Cwe))]);

    private static ExchangeDocument ToDocument(CorsExchange exchange) => new(
        exchange.Method,
        exchange.Kind,
        exchange.Url.OriginalString,
        exchange.BrowserSendsPreflight,
        [.. exchange.RequestHeaders.Select(h => new[] { h.Key, h.Value })],
        exchange.StatusCode,
        exchange.ReasonPhrase,
        [.. exchange.ResponseHeaders.Select(h => new[] { h.Key, h.Value })],
        exchange.Elapsed.TotalMilliseconds,
        exchange.Error,
        exchange.ActualRequest is { } actual ? ToDocument(actual) : null,
        exchange.Evidence,
        [.. exchange.Redirects.Select(ToDocument)],
        exchange.RawBytesRead,
        [.. exchange.Engines.Select(engine => engine.Name)]);

    private static CorsReport FromDocument(ReportDocument document)
    {
        var url = Uri.TryCreate(Required(document.Url, "url"), UriKind.RelativeOrAbsolute, out var given) ? given : throw new JsonException($"`url` is not a URL: {document.Url}");
        var verdicts = Required(document.Verdicts, "verdicts");
        var profiles = Profiles(verdicts.Keys, Required(document.Profile, "profile"));
        var chosen = profiles.First(p => p.Name == ProfileName(document.Profile));
        var findings = Required(document.Findings, "findings").Select(f => new CorsFinding(
            Required(f.Code, "findings[].code"),
            f.Title ?? f.Code,
            f.Method,
            Required(f.Message, "findings[].message"),
            f.Remedy,
            profiles,
            Array.AsReadOnly(profiles.Select(p => ByProfile(Required(f.Severities, "findings[].severities"), p, "findings[].severities")).ToArray()),
            chosen,
            Engines(f.Engines, "findings[].engines") is var engines && engines == EngineSet.All ? BrowserEngine.All : Array.AsReadOnly(engines.Engines.ToArray()))).ToArray();
        // Empty only for an input of a batch that was not a URL to probe (from version 6).
        var preflights = Required(document.Preflights, "preflights").Select(FromDocument).ToArray();

        var security = (document.SecurityFindings ?? []).Select(f => new CorsSecurityFinding(
            Required(f.Code, "securityFindings[].code"),
            f.Title ?? f.Code,
            f.Risk,
            Required(f.Message, "securityFindings[].message"),
            Required(f.Remedy, "securityFindings[].remedy"),
            f.AcceptedOrigin,
            Required(f.Evidence, "securityFindings[].evidence"))).ToArray();
        return new CorsReport(
            url,
            Required(document.Origin, "origin"),
            chosen,
            document.Credentials,
            profiles,
            Array.AsReadOnly(profiles.Select(p => ByProfile(verdicts, p, "verdicts")).ToArray()),
            Array.AsReadOnly(findings),
            Array.AsReadOnly(preflights),
            Milliseconds(document.ElapsedMilliseconds),
            Array.AsReadOnly(security),
            document.Audited);
    }

    // The built-in profiles first, in their order, then the rest in the document's order; the report's own profile is one of them.
    private static CorsProfile[] Profiles(IEnumerable<string> keys, string chosen)
    {
        var names = keys.Append(chosen).Select(ProfileName).Distinct(StringComparer.Ordinal).ToList();
        var profiles = names.Select(name => CorsProfile.FindBuiltIn(name) ?? new CorsProfile(name, name)).ToList();
        var builtIn = CorsProfile.BuiltIn.ToList();
        return [.. profiles.OrderBy(p => builtIn.Contains(p) ? builtIn.IndexOf(p) : builtIn.Count)];
    }

    // Version 1 wrote the built-in names in camel case.
    private static string ProfileName(string key) => CorsProfile.FindBuiltIn(key)?.Name ?? key;

    private static T ByProfile<T>(Dictionary<string, T> values, CorsProfile profile, string name)
        where T : struct =>
        values.Where(entry => ProfileName(entry.Key) == profile.Name).Select(entry => (T?)entry.Value).FirstOrDefault()
            ?? throw new JsonException($"`{name}` has no entry for the {profile.Name} profile.");

    private static CorsExchange FromDocument(ExchangeDocument exchange)
    {
        var response = exchange.Status is { } status
            ? new ResponseSnapshot(status, exchange.ReasonPhrase, Lines(Required(exchange.ResponseHeaders, "preflights[].responseHeaders"), "responseHeaders"), null) { RawBytesRead = exchange.RawBytesRead }
            : null;
        return new CorsExchange(
            Required(exchange.Method, "preflights[].method"),
            AbsoluteUrl(exchange.Url, "preflights[].url"),
            exchange.BrowserSendsPreflight,
            Array.AsReadOnly(Lines(Required(exchange.RequestHeaders, "preflights[].requestHeaders"), "requestHeaders")),
            response,
            Milliseconds(exchange.ElapsedMilliseconds),
            exchange.Error is { } error ? new ExchangeFailure(ExchangeFailureKind.Failed, error) { RawBytesRead = exchange.RawBytesRead } : null,
            exchange.Kind,
            // A nested exchange is never a preflight: versions before 3 did not write the kind of the actual GET/HEAD.
            exchange.ActualRequest is { } actual ? FromDocument(actual with { Kind = actual.Kind == ExchangeKind.Preflight ? ExchangeKind.ActualRequest : actual.Kind }) : null,
            exchange.Evidence,
            [.. (exchange.Redirects ?? []).Select(FromDocument)],
            Engines(exchange.Engines, "preflights[].engines"),
            // A document keeps the raw lines, not the evaluation: a preflight's max-age is read from them again.
            response is not null && exchange.Kind == ExchangeKind.Preflight ? Evaluation.EngineMaxAges.Read(Evaluation.CorsHeaderValues.Read(response).MaxAge) : default);
    }

    // Earlier versions wrote no engines (exchanges before 4, findings before 5): every engine sent each request.
    private static EngineSet Engines(IReadOnlyList<string>? names, string member) => names is null
        ? EngineSet.All
        : EngineSet.Of(names.Select(name => BrowserEngine.All.FirstOrDefault(engine => engine.Name == name)
            ?? throw new JsonException($"`{member}` names '{name}', which is not Chromium, Firefox or WebKit.")));

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

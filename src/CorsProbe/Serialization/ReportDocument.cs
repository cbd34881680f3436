namespace CorsProbing.Serialization;

// The JSON shape of a report (docs/report.schema.json), in the order the members are written. Plain records so the
// source generator can read and write them without reflection; ReportJson checks what a report needs. Every
// change to this shape that a reader could notice bumps ReportJson.SchemaVersion. Verdicts and severities are keyed
// by profile name (version 1 wrote the built-in names in camel case).

/// <summary>The whole report.</summary>
internal sealed record ReportDocument(
    int SchemaVersion,
    string Url,
    string Origin,
    string Profile,
    bool Credentials,
    CorsVerdict Verdict,
    Dictionary<string, CorsVerdict> Verdicts,
    double ElapsedMilliseconds,
    IReadOnlyList<FindingDocument> Findings,
    IReadOnlyList<ExchangeDocument> Preflights,
    string? CurlCommand = null,
    bool Audited = false,
    IReadOnlyList<SecurityFindingDocument>? SecurityFindings = null);

/// <summary>One finding.</summary>
internal sealed record FindingDocument(
    string Code,
    CorsSeverity Severity,
    Dictionary<string, CorsSeverity> Severities,
    string? Title,
    string Message,
    string? Remedy = null,
    string? Method = null,
    IReadOnlyList<string>? Engines = null);

/// <summary>One exchange: a preflight, or the actual GET/HEAD nested in one.</summary>
internal sealed record ExchangeDocument(
    string Method,
    ExchangeKind Kind,
    string Url,
    bool BrowserSendsPreflight,
    IReadOnlyList<string[]> RequestHeaders,
    int? Status,
    string? ReasonPhrase,
    IReadOnlyList<string[]> ResponseHeaders,
    double ElapsedMilliseconds,
    string? Error = null,
    ExchangeDocument? ActualRequest = null,
    CorsEvidence Evidence = CorsEvidence.None,
    IReadOnlyList<ExchangeDocument>? Redirects = null,
    bool RawBytesRead = false,
    IReadOnlyList<string>? Engines = null);

/// <summary>One security finding of the audit.</summary>
internal sealed record SecurityFindingDocument(
    string Code, CorsRisk Risk, string? Title, string Message, string Remedy, string? AcceptedOrigin, string Evidence, string? Cwe = null);

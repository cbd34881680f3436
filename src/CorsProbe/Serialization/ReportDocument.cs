namespace CorsProbing.Serialization;

// The JSON shape of a report (docs/report.schema.json). Plain records so the source generator can read and write them
// without reflection; every change to this shape that a reader could notice bumps ReportJson.SchemaVersion.

/// <summary>The whole report.</summary>
internal sealed record ReportDocument
{
    public required int SchemaVersion { get; init; }

    public required string Url { get; init; }

    public required string Origin { get; init; }

    public required string Profile { get; init; }

    public required bool Credentials { get; init; }

    public required CorsVerdict Verdict { get; init; }

    /// <summary>The verdict under each judged profile, keyed by profile name (version 1 wrote the built-in names in camel case).</summary>
    public required Dictionary<string, CorsVerdict> Verdicts { get; init; }

    public required double ElapsedMilliseconds { get; init; }

    public required IReadOnlyList<FindingDocument> Findings { get; init; }

    public required IReadOnlyList<ExchangeDocument> Preflights { get; init; }

    public string? CurlCommand { get; init; }

    public bool Audited { get; init; }

    public IReadOnlyList<SecurityFindingDocument> SecurityFindings { get; init; } = [];
}

/// <summary>One finding.</summary>
internal sealed record FindingDocument
{
    public required string Code { get; init; }

    public required CorsSeverity Severity { get; init; }

    /// <summary>The severity under each judged profile, keyed as the report's verdicts are.</summary>
    public required Dictionary<string, CorsSeverity> Severities { get; init; }

    public string? Title { get; init; }

    public required string Message { get; init; }

    public string? Remedy { get; init; }

    public string? Method { get; init; }
}

/// <summary>One exchange: a preflight, or the actual GET/HEAD nested in one.</summary>
internal sealed record ExchangeDocument
{
    public required string Method { get; init; }

    public required string Url { get; init; }

    public required bool BrowserSendsPreflight { get; init; }

    public required IReadOnlyList<string[]> RequestHeaders { get; init; }

    public int? Status { get; init; }

    public string? ReasonPhrase { get; init; }

    public required IReadOnlyList<string[]> ResponseHeaders { get; init; }

    public required double ElapsedMilliseconds { get; init; }

    public string? Error { get; init; }

    public ExchangeDocument? ActualRequest { get; init; }
}

/// <summary>One security finding of the audit.</summary>
internal sealed record SecurityFindingDocument
{
    public required string Code { get; init; }

    public required CorsRisk Risk { get; init; }

    public string? Title { get; init; }

    public required string Message { get; init; }

    public required string Remedy { get; init; }

    public string? AcceptedOrigin { get; init; }

    public required string Evidence { get; init; }

    public string? Cwe { get; init; }
}

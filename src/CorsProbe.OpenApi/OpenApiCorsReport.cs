namespace CorsProbing.OpenApi;

/// <summary>
/// The result of probing every operation of an OpenAPI document: one <see cref="OpenApiOperationReport"/> per way of
/// calling each operation, in the document's order, and the counts per operation. Immutable.
/// </summary>
public sealed class OpenApiCorsReport
{
    /// <summary>The version of the JSON shape <see cref="ToJson"/> writes (its <c>schemaVersion</c>, see <c>docs/openapi-report.schema.json</c>).</summary>
    public const int JsonSchemaVersion = 1;

    internal OpenApiCorsReport(OpenApiPlan plan, IReadOnlyList<OpenApiOperationReport> operations, CorsRequirements template)
    {
        Document = plan.Document;
        SpecificationVersion = plan.SpecificationVersion;
        Title = plan.Title;
        Operations = operations;
        Skipped = plan.Skipped;
        Origin = template.Origin ?? template.Profile.DefaultOrigin ?? "";
        Profile = template.Profile;
        Summary = Summarize(operations);
        _location = plan.Location;
    }

    private readonly Uri? _location;

    /// <summary>The document, as the caller named it (a path or a URL).</summary>
    public string Document { get; }

    /// <summary>The OpenAPI version the document declares: <c>2.0</c>, <c>3.0.3</c>, <c>3.1.0</c>.</summary>
    public string SpecificationVersion { get; }

    /// <summary>The document's <c>info.title</c>, when it has one.</summary>
    public string? Title { get; }

    /// <summary>The origin the operations were probed from.</summary>
    public string Origin { get; }

    /// <summary>The profile that decided each verdict.</summary>
    public CorsProfile Profile { get; }

    /// <summary>One entry per way of calling each operation, in the document's order.</summary>
    public IReadOnlyList<OpenApiOperationReport> Operations { get; }

    /// <summary>Operations not probed, each with the reason (an operation no page can call, such as <c>TRACE</c>).</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>How many operations each verdict has, an operation counted once with its worst.</summary>
    public OpenApiCorsSummary Summary { get; }

    /// <summary>The worst verdict of all operations: <see cref="CorsVerdict.Unreachable"/>, then <see cref="CorsVerdict.Denied"/>, then <see cref="CorsVerdict.Inconclusive"/>, then <see cref="CorsVerdict.Allowed"/>.</summary>
    public CorsVerdict Verdict =>
        Summary.Unreachable > 0 ? CorsVerdict.Unreachable
        : Summary.Denied > 0 ? CorsVerdict.Denied
        : Summary.Inconclusive > 0 ? CorsVerdict.Inconclusive
        : CorsVerdict.Allowed;

    /// <summary>Whether every way of calling every operation is allowed.</summary>
    public bool IsAllowed => Verdict == CorsVerdict.Allowed;

    /// <summary>The report as JSON of the shape <c>docs/openapi-report.schema.json</c> describes (version <see cref="JsonSchemaVersion"/>), each operation's <see cref="CorsReport"/> as <see cref="CorsReport.ToJson"/> writes it.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => OpenApiReportJson.Write(this);

    /// <summary>
    /// The report as a SARIF 2.1.0 log, for GitHub code scanning: a rule per finding code, a result per finding of each
    /// way of calling each operation at the level its severity under <see cref="Profile"/> gives (security findings
    /// with their CWE), located at the operation's line in the document (a path relative to the current directory when
    /// the document is under it) and, logically, at the operation.
    /// </summary>
    /// <returns>The SARIF log as JSON.</returns>
    public string ToSarif() => Serialization.SarifLog.Write([.. Operations.Select(o => (o.Report, OpenApiSarif.LocationOf(o, _location)))]);

    /// <summary>The report as text: a header line with the counts, then a block per operation with its requirements and findings.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => OpenApiReportText.Write(this);

    private static OpenApiCorsSummary Summarize(IReadOnlyList<OpenApiOperationReport> operations)
    {
        var worst = operations
            .GroupBy(o => (o.Method, o.Path))
            .Select(g => g.Max(o => Rank(o.Verdict)))
            .ToList();
        return new(worst.Count, worst.Count(r => r == 0), worst.Count(r => r == 2), worst.Count(r => r == 3), worst.Count(r => r == 1));
    }

    private static int Rank(CorsVerdict verdict) => verdict switch
    {
        CorsVerdict.Allowed => 0,
        CorsVerdict.Inconclusive => 1,
        CorsVerdict.Denied => 2,
        _ => 3,
    };
}

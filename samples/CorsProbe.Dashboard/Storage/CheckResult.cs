using CorsProbing.OpenApi;

namespace CorsProbing.Dashboard.Storage;

/// <summary>
/// What one check of a registered API recorded: its verdict, the findings that are errors under its profile, a line
/// for the history, the report as JSON, and, for an API registered by its OpenAPI document, each operation's verdict.
/// </summary>
/// <param name="Verdict">The verdict (for a document, its worst operation's).</param>
/// <param name="Errors">The findings that are errors under the API's profile (for a document, each prefixed by its operation).</param>
/// <param name="Summary">The history's line: the first error (code, title and message), or the verdict.</param>
/// <param name="ReportJson">The report (<see cref="CorsReport.ToJson"/> or <see cref="OpenApiCorsReport.ToJson"/>).</param>
/// <param name="Operations">Each operation's verdict, for a document; null for a URL.</param>
internal sealed record CheckResult(CorsVerdict Verdict, IReadOnlyList<CorsFinding> Errors, string Summary, string ReportJson, IReadOnlyList<OperationVerdict>? Operations)
{
    /// <summary>The check of a URL.</summary>
    public static CheckResult Of(CorsReport report)
    {
        var errors = ErrorsOf(report);
        return new(report.Verdict, errors, errors.Count == 0 ? report.Verdict.ToString() : Describe(errors[0]), report.ToJson(), null);
    }

    /// <summary>The check of every operation of a document.</summary>
    public static CheckResult Of(OpenApiCorsReport report)
    {
        var errors = report.Operations.SelectMany(o => ErrorsOf(o.Report)).DistinctBy(f => (f.Code, f.Message)).ToList();
        var firstDenied = report.Operations.FirstOrDefault(o => o.Verdict != CorsVerdict.Allowed);
        var summary = firstDenied is null
            ? report.Summary.ToString()
            : $"{report.Summary}; {firstDenied.Label}: {(ErrorsOf(firstDenied.Report) is [var first, ..] ? Describe(first) : firstDenied.Verdict.ToString())}";
        var operations = report.Operations.Select(o => new OperationVerdict(
            o.Label, o.Method, o.Report.Url.OriginalString, o.Location.ToString(), o.Verdict, [.. ErrorsOf(o.Report).Select(f => f.Code).Distinct()])).ToList();
        return new(report.Verdict, errors, summary, report.ToJson(), operations);
    }

    /// <summary>A document that could not be probed (unreadable, not OpenAPI, no server): Unreachable, and why.</summary>
    public static CheckResult Failed(string documentUrl, string problem) =>
        new(CorsVerdict.Unreachable, [], problem, new System.Text.Json.Nodes.JsonObject { ["document"] = documentUrl, ["problem"] = problem }.ToJsonString(), null);

    /// <summary>The codes of <see cref="Errors"/>, each once.</summary>
    public IEnumerable<string> ErrorCodes => Errors.Select(e => e.Code).Distinct();

    internal static string Describe(CorsFinding finding) => $"{finding.Code} {finding.Title}: {finding.Message}";

    private static List<CorsFinding> ErrorsOf(CorsReport report) =>
        [.. report.Findings.Where(f => f.SeverityUnder(report.Profile) == CorsSeverity.Error)];
}

namespace CorsProbing.OpenApi;

/// <summary>
/// The result for one way of calling one operation: the operation, the request derived for it with the reason for each
/// fact, and the <see cref="CorsReport"/> of its probe. An operation the page can call in several ways (one per
/// alternative of its <c>security</c>, one per request body type) has one of these per way, told apart by
/// <see cref="Alternative"/>.
/// </summary>
public sealed class OpenApiOperationReport
{
    internal OpenApiOperationReport(PlannedOperation planned, CorsReport report)
    {
        Name = planned.Name;
        OperationId = planned.OperationId;
        Method = planned.Method;
        Path = planned.Path;
        Alternative = planned.Alternative;
        Location = planned.Location;
        Requirements = planned.Requirements;
        Report = report;
    }

    /// <summary>The operation's id, or <c>METHOD path</c> when it has none.</summary>
    public string Name { get; }

    /// <summary>The operation's <c>operationId</c>, or <see langword="null"/>.</summary>
    public string? OperationId { get; }

    /// <summary>The method, upper-case.</summary>
    public string Method { get; }

    /// <summary>The path template, as the document writes it (<c>/quests/{id}</c>).</summary>
    public string Path { get; }

    /// <summary>Which way of calling this is (<c>security: apiKey; body: application/json</c>) when the operation has several, else <see langword="null"/>.</summary>
    public string? Alternative { get; }

    /// <summary>Where the operation is in the document.</summary>
    public OpenApiLocation Location { get; }

    /// <summary>Every fact of the request probed (server, parameters, method, headers, credentials, what was left out), each with its reason.</summary>
    public IReadOnlyList<OpenApiRequirement> Requirements { get; }

    /// <summary>The probe's report. Ways of calling that ask the same preflight (same URL, method, credentials and header set) share one.</summary>
    public CorsReport Report { get; }

    /// <summary>The verdict of <see cref="Report"/>.</summary>
    public CorsVerdict Verdict => Report.Verdict;

    /// <summary>The operation and its verdict in a line: <c>POST /quests (createQuest; body: application/json): Denied</c>.</summary>
    /// <returns>The method, path, name and alternative, and the verdict.</returns>
    public override string ToString() => $"{Label}: {Verdict}";

    /// <summary>The method, path, id and alternative: <c>POST /quests (createQuest; body: application/json)</c>.</summary>
    public string Label
    {
        get
        {
            var named = OperationId is null ? Alternative : Alternative is null ? OperationId : $"{OperationId}; {Alternative}";
            return $"{Method} {Path}{(named is null ? "" : $" ({named})")}";
        }
    }
}

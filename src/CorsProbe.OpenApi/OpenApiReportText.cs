namespace CorsProbing.OpenApi;

/// <summary>
/// <see cref="OpenApiCorsReport.ToString"/>: a header with the counts, then per way of calling each operation its
/// verdict and location, the request probed, the facts that shaped it, and the errors and warnings of its report.
/// </summary>
internal static class OpenApiReportText
{
    public static string Write(OpenApiCorsReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"OpenAPI {report.SpecificationVersion} document {report.Document}");
        text.Append(report.Title is null ? "" : $" (\"{report.Title}\")");
        text.AppendLine(CultureInfo.InvariantCulture, $", probed from {report.Origin} under the {report.Profile} profile");
        text.AppendLine(report.Summary.ToString());
        foreach (var operation in report.Operations)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{operation.Verdict,-11} {operation.Label}  [{operation.Location}]");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {operation.Method} {operation.Report.Url.OriginalString}");
            foreach (var requirement in operation.Requirements.Where(r => r.Kind is not (OpenApiRequirementKind.Server or OpenApiRequirementKind.Method)))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {Fact(requirement)}");
            }

            foreach (var finding in operation.Report.Findings.Where(f => f.Severity != CorsSeverity.Info))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {finding.Code} {finding.Severity.ToString().ToLowerInvariant()}: {finding.Message}");
                if (finding.Remedy is { } remedy)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    fix: {remedy}");
                }
            }
        }

        foreach (var skipped in report.Skipped)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Not probed: {skipped}");
        }

        return text.ToString().TrimEnd();
    }

    private static string Fact(OpenApiRequirement requirement) => requirement.Kind switch
    {
        OpenApiRequirementKind.Header => $"header {requirement.Name}{(requirement.Value is null ? "" : ": " + requirement.Value)} ({requirement.Reason})",
        OpenApiRequirementKind.Credentials => $"credentials: include ({requirement.Reason})",
        OpenApiRequirementKind.PathParameter => $"path {{{requirement.Name}}} = {requirement.Value} ({requirement.Reason})",
        OpenApiRequirementKind.QueryParameter => $"query {requirement.Name} = {requirement.Value} ({requirement.Reason})",
        _ => $"not sent: {requirement.Name} ({requirement.Reason})",
    };
}

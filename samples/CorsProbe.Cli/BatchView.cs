using Spectre.Console;

namespace CorsProbing.Cli;

/// <summary>Runs a batch and shows it: a progress bar and a summary table on a terminal, one plain line per report otherwise.</summary>
public static class BatchView
{
    public static async Task<IReadOnlyList<CorsReport>> RunAsync(
        IReadOnlyList<CorsProbeBuilder> probes, CorsBatchOptions limits, CliEnvironment environment, bool json, CancellationToken cancellationToken)
    {
        var reports = new List<CorsReport>(probes.Count);
        if (environment.Rich is { } console && !json)
        {
            await console.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask($"Probing {probes.Count} URLs", maxValue: probes.Count);
                await foreach (var report in CorsProbe.ProbeManyAsync(probes, limits, cancellationToken))
                {
                    reports.Add(report);
                    task.Increment(1);
                }
            });
            RenderSummary(console, reports);
            return reports;
        }

        await foreach (var report in CorsProbe.ProbeManyAsync(probes, limits, cancellationToken))
        {
            reports.Add(report);
            if (!json)
            {
                await environment.Output.WriteLineAsync(Line(report));
            }
        }

        if (json)
        {
            // A JSON array of reports, each the documented report shape.
            await environment.Output.WriteLineAsync("[" + string.Join(",", reports.Select(r => Environment.NewLine + r.ToJson())) + Environment.NewLine + "]");
        }

        return reports;
    }

    /// <summary><c>DENIED  https://api.example.com/x  CORS011 CORS105</c>: the verdict, the URL and the finding codes.</summary>
    public static string Line(CorsReport report)
    {
        var codes = report.Findings.Select(f => f.Code).Concat(report.SecurityFindings.Select(f => $"{f.Code}:{f.Risk}"));
        return $"{report.Verdict.ToString().ToUpperInvariant(),-11} {report.Url.OriginalString}  {string.Join(' ', codes)}".TrimEnd();
    }

    private static void RenderSummary(IAnsiConsole console, IReadOnlyList<CorsReport> reports)
    {
        var table = new Table().RoundedBorder().AddColumns("Verdict", "URL", "Findings", "Security");
        foreach (var report in reports.OrderBy(r => r.Url.OriginalString, StringComparer.Ordinal))
        {
            table.AddRow(
                new Markup($"[{ReportView.Colour(report.Verdict)}]{report.Verdict}[/]"),
                new Text(report.Url.OriginalString),
                new Text(string.Join(' ', report.Findings.Select(f => f.Code))),
                new Text(string.Join(' ', report.SecurityFindings.Select(f => $"{f.Code} {f.Risk}"))));
        }

        console.Write(table);
        console.MarkupLine($"{reports.Count(r => r.IsAllowed)} allowed, {reports.Count(r => r.Verdict == CorsVerdict.Denied)} denied, {reports.Count(r => r.Verdict == CorsVerdict.Unreachable)} unreachable");
    }
}

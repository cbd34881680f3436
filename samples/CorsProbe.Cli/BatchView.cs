using Spectre.Console;

namespace CorsProbing.Cli;

/// <summary>
/// Runs a batch and shows it: a progress bar with a count and a summary table in input order on a terminal, one plain
/// line per report otherwise (as they complete), then why the exit code is not 0, when it is not.
/// </summary>
public static class BatchView
{
    public static async Task<int> RunAsync(
        CorsProbeBuilder template, IReadOnlyList<(int Line, string Url)> targets, CorsBatchOptions limits, CliEnvironment environment, bool json, bool notes,
        CancellationToken cancellationToken)
    {
        var inputs = targets.Select(target => KeyValuePair.Create(target.Line, target.Url));
        var results = new List<CorsBatchResult<int>>(targets.Count);
        if (environment.Rich is { } console && !json)
        {
            await console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask(Counted(0, targets.Count), maxValue: targets.Count);
                    await foreach (var result in CorsProbe.ProbeManyAsync(template, inputs, limits, cancellationToken))
                    {
                        results.Add(result);
                        task.Increment(1);
                        task.Description = Counted(results.Count, targets.Count);
                    }
                });
            RenderSummary(console, results, notes);
        }
        else
        {
            await foreach (var result in CorsProbe.ProbeManyAsync(template, inputs, limits, cancellationToken))
            {
                results.Add(result);
                if (!json)
                {
                    await environment.Output.WriteLineAsync(Line(result.Report, notes));
                }
            }

            if (json)
            {
                // A JSON array of reports, each the documented report shape, in input order.
                var ordered = results.OrderBy(r => r.Key).Select(r => Environment.NewLine + r.Report.ToJson());
                await environment.Output.WriteLineAsync("[" + string.Join(",", ordered) + Environment.NewLine + "]");
            }
        }

        var reports = results.Select(r => r.Report).ToList();
        if (ExitCodes.Reason(reports) is { } reason)
        {
            await environment.Error.WriteLineAsync($"Exit {ExitCodes.For(reports)}: {reason}");
        }

        return ExitCodes.For(reports);
    }

    /// <summary><c>DENIED      https://api.example.com/x  CORS011 CORS013</c>: the verdict, the URL and its codes (<see cref="Codes"/>).</summary>
    public static string Line(CorsReport report, bool notes = false) =>
        $"{report.Verdict.ToString().ToUpperInvariant(),-11} {report.Url.OriginalString}  {Codes(report, notes)}".TrimEnd();

    /// <summary>The report's codes, each once, errors first, then warnings (notes only when asked), then the audit's with their risk.</summary>
    public static string Codes(CorsReport report, bool notes) =>
        string.Join(' ', report.Findings.Where(f => notes || f.Severity != CorsSeverity.Info).Select(f => f.Code).Distinct()
            .Concat(report.SecurityFindings.Select(f => $"{f.Code}:{f.Risk}").Distinct()));

    /// <summary>The progress bar's description: how many probes are done, of how many.</summary>
    public static string Counted(int done, int total) => $"Probed {done}/{total} URLs";

    private static void RenderSummary(IAnsiConsole console, List<CorsBatchResult<int>> results, bool notes)
    {
        var table = new Table().RoundedBorder()
            .AddColumn("Line")
            .AddColumn("Verdict")
            .AddColumn(new TableColumn("URL").NoWrap())
            .AddColumn("Codes");
        foreach (var result in results.OrderBy(r => r.Key))
        {
            table.AddRow(
                new Text(result.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Markup($"[{ReportView.Colour(result.Report.Verdict)}]{result.Report.Verdict}[/]"),
                new Text(result.Url ?? string.Empty),
                new Text(Codes(result.Report, notes)));
        }

        console.Write(table);
        console.MarkupLine($"{results.Count(r => r.Report.IsAllowed)} allowed, {results.Count(r => r.Report.Verdict == CorsVerdict.Denied)} denied, {results.Count(r => r.Report.Verdict == CorsVerdict.Unreachable)} unreachable");
    }
}

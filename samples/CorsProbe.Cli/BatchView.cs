using Spectre.Console;

namespace CorsProbing.Cli;

/// <summary>
/// Runs a batch and shows it: a progress bar with a count and a summary in input order on a terminal, one plain
/// line per report otherwise (as they complete), then why the exit code is not 0, when it is not.
/// </summary>
public static class BatchView
{
    public static async Task<int> RunAsync(
        CorsProbeBuilder template, IReadOnlyList<(int Line, string Url)> targets, CorsBatchOptions limits, CliEnvironment environment, OutputFormat format, bool notes,
        CancellationToken cancellationToken)
    {
        var inputs = targets.Select(target => KeyValuePair.Create(target.Line, target.Url));
        var results = new List<CorsBatchResult<int>>(targets.Count);
        var json = format != OutputFormat.Text;
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
            RenderSummary(console, environment.Output, results, notes);
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

            if (format == OutputFormat.Json)
            {
                // A JSON array of reports, each the documented report shape, in input order.
                var ordered = results.OrderBy(r => r.Key).Select(r => Environment.NewLine + r.Report.ToJson());
                await environment.Output.WriteLineAsync("[" + string.Join(",", ordered) + Environment.NewLine + "]");
            }
            else if (format == OutputFormat.Sarif)
            {
                await environment.Output.WriteLineAsync(results.OrderBy(r => r.Key).Select(r => r.Report).ToSarif());
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

    // One line per input, in input order: the line, the verdict, the codes, then the whole URL, written as one piece of
    // text so that a terminal narrower than it folds it without the table splitting it.
    private static void RenderSummary(IAnsiConsole console, TextWriter output, List<CorsBatchResult<int>> results, bool notes)
    {
        var codes = results.ToDictionary(r => r.Key, r => Codes(r.Report, notes));
        var width = Math.Max("Codes".Length, codes.Values.Max(c => c.Length));
        console.MarkupLine($"[bold]{"Line",5}  {"Verdict",-11}  {"Codes".PadRight(width)}  URL[/]");
        foreach (var result in results.OrderBy(r => r.Key))
        {
            var verdict = result.Report.Verdict.ToString();
            console.Markup($"{result.Key,5}  [{ReportView.Colour(result.Report.Verdict)}]{verdict,-11}[/]  {Markup.Escape(codes[result.Key].PadRight(width))}  ");
            output.WriteLine(result.Url);
        }

        console.MarkupLine($"{results.Count(r => r.Report.IsAllowed)} allowed, {results.Count(r => r.Report.Verdict == CorsVerdict.Denied)} denied, {results.Count(r => r.Report.Verdict == CorsVerdict.Unreachable)} unreachable{(results.Any(r => r.Report.Verdict == CorsVerdict.Inconclusive) ? $", {results.Count(r => r.Report.Verdict == CorsVerdict.Inconclusive)} inconclusive" : "")}");
    }
}

using CorsProbing.OpenApi;
using Spectre.Console;

namespace CorsProbing.Cli;

/// <summary>
/// <c>corsprobe --openapi</c>: probes every operation of the document and shows it (a table per operation on a
/// terminal, the report's text otherwise, or JSON or SARIF), then why the exit code is not 0, when it is not. The
/// exit code is the worst operation's.
/// </summary>
public static class OpenApiView
{
    public static async Task<int> RunAsync(OpenApiProbeBuilder probe, CliEnvironment environment, OutputFormat format, CancellationToken cancellationToken)
    {
        OpenApiCorsReport report;
        try
        {
            report = await probe.ProbeAsync(cancellationToken);
        }
        catch (OpenApiDocumentException exception)
        {
            await environment.Error.WriteLineAsync(exception.Message);
            await environment.Error.WriteLineAsync($"Exit {ExitCodes.UsageError}: nothing was probed.");
            return ExitCodes.UsageError;
        }

        switch (format)
        {
            case OutputFormat.Json:
                await environment.Output.WriteLineAsync(report.ToJson());
                break;
            case OutputFormat.Sarif:
                await environment.Output.WriteLineAsync(report.ToSarif());
                break;
            default:
                if (environment.Rich is { } console)
                {
                    Render(console, report);
                }
                else
                {
                    await environment.Output.WriteLineAsync(report.ToString());
                }

                break;
        }

        var reports = report.Operations.Select(o => o.Report).ToList();
        var code = ExitCodes.For(reports);
        if (code != ExitCodes.Allowed)
        {
            await environment.Error.WriteLineAsync($"Exit {code}: {report.Summary}{(code == ExitCodes.Denied && report.IsAllowed ? ", and the audit found a Medium-or-worse risk" : "")}.");
        }

        return code;
    }

    private static void Render(IAnsiConsole console, OpenApiCorsReport report)
    {
        console.Write(new Rule($"[{ReportView.Colour(report.Verdict)}]{Markup.Escape(report.Summary.ToString())}[/] {Markup.Escape(report.Document)}").LeftJustified());
        console.MarkupLine($"OpenAPI {Markup.Escape(report.SpecificationVersion)}{(report.Title is null ? "" : $" · {Markup.Escape(report.Title)}")} · from [bold]{Markup.Escape(report.Origin)}[/] · {report.Profile} profile decides");
        foreach (var operation in report.Operations)
        {
            var table = new Table().RoundedBorder().Expand()
                .Title($"[{ReportView.Colour(operation.Verdict)}]{operation.Verdict}[/] {Markup.Escape(operation.Label)} · {Markup.Escape(operation.Location.ToString())}")
                .AddColumns("What", "Sent", "Why");
            table.AddRow(new Text("URL"), new Text($"{operation.Method} {operation.Report.Url.OriginalString}"), new Text(""));
            foreach (var requirement in operation.Requirements.Where(r => r.Kind is not (OpenApiRequirementKind.Server or OpenApiRequirementKind.Method)))
            {
                table.AddRow(new Text(requirement.Kind.ToString()), new Text(requirement.Value is null ? requirement.Name : $"{requirement.Name}: {requirement.Value}"), new Text(requirement.Reason));
            }

            foreach (var finding in operation.Report.Findings.Where(f => f.Severity != CorsSeverity.Info))
            {
                table.AddRow(
                    new Markup($"[{ReportView.Colour(finding.Severity)}]{finding.Code}[/]"),
                    new Text(finding.Message),
                    new Text(finding.Remedy is null ? "" : "Fix: " + finding.Remedy));
            }

            foreach (var finding in operation.Report.SecurityFindings)
            {
                table.AddRow(new Text($"{finding.Code} {finding.Risk}"), new Text(finding.Message), new Text("Fix: " + finding.Remedy));
            }

            console.Write(table);
        }

        foreach (var skipped in report.Skipped)
        {
            console.MarkupLine($"[grey]Not probed: {Markup.Escape(skipped)}[/]");
        }
    }
}

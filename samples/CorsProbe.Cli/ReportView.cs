using Spectre.Console;

namespace CorsProbing.Cli;

/// <summary>A report on a terminal: the verdicts, a coloured table of the checks, the fixes, the audit and the curl command.</summary>
public static class ReportView
{
    // Each engine's verdict, only where they differ: " (Chromium: Allowed, Firefox: Denied, WebKit: Denied)".
    private static string Engines(CorsReport report)
    {
        CorsProfile[] engines = [CorsProfile.Chromium, CorsProfile.Firefox, CorsProfile.WebKit];
        return engines.Select(report.VerdictFor).Distinct().Count() == 1
            ? string.Empty
            : " (" + string.Join(", ", engines.Select(p => $"{p.Name}: [{Colour(report.VerdictFor(p))}]{report.VerdictFor(p)}[/]")) + ")";
    }

    private static readonly CorsProfile[] BrowserProfiles = [CorsProfile.Browser, CorsProfile.Chromium, CorsProfile.Firefox, CorsProfile.WebKit];

    // The verdicts of the other profiles the report was judged under (a platform's, when asked for): "Galxe: Denied · ".
    private static string Platforms(CorsReport report) => string.Concat(report.Profiles
        .Where(p => !BrowserProfiles.Contains(p))
        .Select(p => $"{Markup.Escape(p.Name)}: [{Colour(report.VerdictFor(p))}]{report.VerdictFor(p)}[/] · "));

    public static void Render(IAnsiConsole console, CorsReport report)
    {
        console.Write(new Rule($"[{Colour(report.Verdict)}]CORS {report.Verdict.ToString().ToUpperInvariant()}[/] {Markup.Escape(report.Url.OriginalString)}").LeftJustified());
        console.MarkupLine($"from [bold]{Markup.Escape(report.Origin)}[/]{(report.IncludesCredentials ? " with credentials" : string.Empty)} · " +
            $"Browser: [{Colour(report.VerdictFor(CorsProfile.Browser))}]{report.VerdictFor(CorsProfile.Browser)}[/]{Engines(report)} · " +
            Platforms(report) + $"{report.Profile} profile decides");

        if (report.Findings.Count > 0)
        {
            var checks = new Table().RoundedBorder().AddColumns("Code", "Severity", "Method", "Check", "What was seen");
            foreach (var finding in report.Findings)
            {
                checks.AddRow(
                    new Text(finding.Code),
                    new Markup($"[{Colour(finding.Severity)}]{finding.Severity}[/]"),
                    new Text(finding.Method ?? string.Empty),
                    new Text(finding.Title),
                    new Text(finding.Engines.Count < BrowserEngine.All.Count ? $"[{string.Join(", ", finding.Engines.Select(e => e.Browsers))}] {finding.Message}" : finding.Message));
            }

            console.Write(checks);
        }

        foreach (var finding in report.Findings.Where(f => f.Remedy is not null && f.Severity != CorsSeverity.Info))
        {
            console.MarkupLine($"[bold]Fix {finding.Code}:[/] {Markup.Escape(finding.Remedy!)}");
        }

        if (report.IsAudited)
        {
            RenderAudit(console, report);
        }

        console.Write(new Panel(new Text(report.CurlCommand)).Header("Reproduce with").Expand());
    }

    private static void RenderAudit(IAnsiConsole console, CorsReport report)
    {
        if (report.SecurityFindings.Count == 0)
        {
            console.MarkupLine("[green]Security audit: no origin other than the configured one is trusted in a risky way.[/]");
            return;
        }

        var audit = new Table().RoundedBorder().Title("Security audit (CWE-942)").AddColumns("Code", "Risk", "Finding", "Accepted origin", "Fix");
        foreach (var finding in report.SecurityFindings)
        {
            audit.AddRow(
                new Text(finding.Code),
                new Markup($"[{Colour(finding.Risk)}]{finding.Risk}[/]"),
                new Text(finding.Title),
                new Text(finding.AcceptedOrigin ?? string.Empty),
                new Text(finding.Remedy));
        }

        console.Write(audit);
    }

    public static string Colour(CorsVerdict verdict) => verdict switch
    {
        CorsVerdict.Allowed => "green",
        CorsVerdict.Denied => "red",
        _ => "yellow",
    };

    public static string Colour(CorsSeverity severity) => severity switch
    {
        CorsSeverity.Error => "red",
        CorsSeverity.Warning => "yellow",
        _ => "grey",
    };

    private static string Colour(CorsRisk risk) => risk switch
    {
        CorsRisk.Critical or CorsRisk.High => "red",
        CorsRisk.Medium => "yellow",
        _ => "grey",
    };
}

using CorsProbing;
using CorsProbing.Demo;
using Spectre.Console;

// The main job on an embedded default: start a local API with eight CORS setups, probe each one as the Galxe
// dashboard would call it, print the verdicts side by side, then the full report of one failing setup.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
await using var api = await DemoApi.StartAsync(cancellation.Token);
using var handler = LoopbackHandler.Create(DemoApi.Port(api));

var table = new Table().Border(TableBorder.Rounded).Title($"CorsProbe demo: {DemoApi.Origin} (embedded, on 127.0.0.1)");
table.AddColumns("Endpoint", "Setup", "Browser", "Galxe", "Codes");
var reports = new List<(string Path, CorsReport Report)>();
foreach (var setup in DemoApi.Setups)
{
    var report = await setup.Require(CorsProbe.For(DemoApi.Origin + setup.Path).WithOrigin(DemoApi.Galxe).AlsoJudgeBy(CorsProfile.Galxe).UsingHandler(handler))
        .ProbeAsync(cancellation.Token);
    reports.Add((setup.Path, report));
    var codes = report.Findings.Where(f => f.Severity != CorsSeverity.Info || f.SeverityUnder(CorsProfile.Galxe) == CorsSeverity.Error)
        .Select(f => f.Code).Distinct();
    table.AddRow(
        Markup.Escape(setup.Path),
        Markup.Escape(setup.Description),
        Verdict(report.VerdictFor(CorsProfile.Browser)),
        Verdict(report.VerdictFor(CorsProfile.Galxe)),
        Markup.Escape(string.Join(" ", codes)));
}

AnsiConsole.Write(table);
AnsiConsole.MarkupLine("Galxe is the platform's documented check (methods must be listed, headers are not checked); Browser is what every browser engine (Chromium, Firefox, WebKit) allows.");

var (failingPath, failing) = reports.First(r => r.Path == "/galxe-only");
AnsiConsole.WriteLine();
AnsiConsole.MarkupLine($"[bold]Full report for {Markup.Escape(failingPath)}[/] (what `report.ToString()` prints):");
AnsiConsole.WriteLine();
AnsiConsole.WriteLine(failing.ToString());
return 0;

static string Verdict(CorsVerdict verdict) => verdict switch
{
    CorsVerdict.Allowed => "[green]Allowed[/]",
    CorsVerdict.Denied => "[red]Denied[/]",
    _ => $"[yellow]{verdict}[/]",
};

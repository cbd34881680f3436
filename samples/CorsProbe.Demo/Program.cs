using CorsProbing;
using CorsProbing.Demo;
using Spectre.Console;

// The main job on an embedded default: start a local API with eight CORS setups, probe each one as the Galxe
// dashboard would call it, print the verdicts side by side, then the full report of one failing setup.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
await using var api = await DemoApi.StartAsync(cancellation.Token);
using var handler = LoopbackHandler.Create(DemoApi.Port(api));

// Each endpoint with what the dashboard needs of it (mostly: load with GET, save with a JSON POST).
(string Path, string Setup, Func<CorsProbeBuilder, CorsProbeBuilder> Require)[] endpoints =
[
    ("/open", "\"*\" with methods and headers listed", b => b.RequireMethods("GET", "POST").RequireHeaders("Content-Type")),
    ("/designated", "ASP.NET Core policy for the dashboard", b => b.RequireMethods("GET", "POST").RequireHeaders("Content-Type")),
    ("/other-origin", "allows a partner's origin only", b => b.RequireMethods("GET", "POST").RequireHeaders("Content-Type")),
    ("/no-options", "no OPTIONS handling (405)", b => b.RequireMethods("GET")),
    ("/missing-put", "methods list forgets PUT", b => b.RequireMethods("GET", "POST", "PUT").RequireHeaders("Content-Type")),
    ("/wildcard-credentials", "\"*\" with credentials", b => b.RequireMethods("GET", "POST").WithCredentials()),
    ("/redirect", "preflight redirected (308)", b => b.RequireMethods("GET", "POST").RequireHeaders("Content-Type")),
    ("/galxe-only", "lists methods, not headers", b => b.RequireMethods("GET", "POST").RequireHeaders("Content-Type")),
];

var table = new Table().Border(TableBorder.Rounded).Title("CorsProbe demo: http://api.demo.test (embedded, on 127.0.0.1)");
table.AddColumns("Endpoint", "Setup", "Browser", "Galxe", "Codes");
var reports = new List<(string Path, CorsReport Report)>();
foreach (var (path, setup, require) in endpoints)
{
    var report = await require(CorsProbe.For("http://api.demo.test" + path).WithOrigin(DemoApi.Galxe).UsingHandler(handler))
        .ProbeAsync(cancellation.Token);
    reports.Add((path, report));
    var codes = report.Findings.Where(f => f.Severity != CorsSeverity.Info || f.SeverityUnder(CorsProfile.Galxe) == CorsSeverity.Error)
        .Select(f => f.Code).Distinct();
    table.AddRow(
        Markup.Escape(path),
        Markup.Escape(setup),
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
    _ => "[yellow]Unreachable[/]",
};

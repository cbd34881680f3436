using CorsProbing.Conformance.Cases;
using CorsProbing.Conformance.Oracle;

namespace CorsProbing.Conformance;

/// <summary>The comparison must notice every kind of disagreement, or 100% agreement would mean nothing.</summary>
public class CaseComparisonTests
{
    private static readonly ConformanceCase Case = CaseMatrix.All.First(c => c.Method == "PUT" && c.RequestHeaders.Count > 0);

    [Fact]
    public async Task Agrees_WhenVerdictAndPreflightMatch()
    {
        var probe = await ProbeAsync();
        var browser = BrowserAs(probe);

        new CaseComparison(Engine.Chromium, Case, browser, probe).Agrees.Should().BeTrue();
    }

    [Fact]
    public async Task Disagrees_WhenTheVerdictDiffers()
    {
        var probe = await ProbeAsync();
        var browser = BrowserAs(probe) with { Allowed = !probe.Allowed(Engine.Chromium) };

        new CaseComparison(Engine.Chromium, Case, browser, probe).Differences.Should().ContainSingle().Which.Should().StartWith("Chromium");
    }

    [Fact]
    public async Task Disagrees_WhenTheRequestMethodDiffersByOneByte()
    {
        var probe = await ProbeAsync();
        var browser = BrowserAs(probe) with { RequestMethod = probe.RequestMethod(Engine.Chromium)!.ToLowerInvariant() };

        new CaseComparison(Engine.Chromium, Case, browser, probe).Differences.Should().ContainSingle().Which.Should().Contain("Access-Control-Request-Method");
    }

    [Fact]
    public async Task Disagrees_WhenTheRequestHeadersDiffer()
    {
        var probe = await ProbeAsync();
        var browser = BrowserAs(probe) with { RequestHeaders = probe.RequestHeaders(Engine.Chromium) + ",x-extra" };

        new CaseComparison(Engine.Chromium, Case, browser, probe).Differences.Should().ContainSingle().Which.Should().Contain("Access-Control-Request-Headers");
    }

    [Fact]
    public async Task Disagrees_WhenOnlyOneSideSendsAPreflight()
    {
        var probe = await ProbeAsync();
        var browser = BrowserAs(probe) with { PreflightSent = false };

        new CaseComparison(Engine.Chromium, Case, browser, probe).Differences.Should().ContainSingle().Which.Should().Contain("preflight");
    }

    [Fact]
    public async Task Disagrees_WhenTheBrowserNeverReported()
    {
        var probe = await ProbeAsync();
        var browser = BrowserAs(probe) with { Outcome = "missing" };

        new CaseComparison(Engine.Chromium, Case, browser, probe).Agrees.Should().BeFalse();
    }

    private static BrowserResult BrowserAs(ProbeResult probe) =>
        new(Case.Id, Case.Fingerprint, probe.Allowed(Engine.Chromium), probe.Allowed(Engine.Chromium) ? "resolved" : "rejected", probe.PreflightSent(Engine.Chromium), probe.RequestMethod(Engine.Chromium), probe.RequestHeaders(Engine.Chromium));

    [Fact]
    public async Task Disagrees_WhenTheEngineSentAnotherNumberOfPreflights_ForACaseFetchedTwice()
    {
        var cached = CaseMatrix.All.First(c => c.Repeat is { NoStore: false } && c.ResponseLines.Any(l => l.Key == "Access-Control-Max-Age" && l.Value == "600"));
        await using var server = new CaseServer([cached]);
        var probe = (await ProbeRun.RunAsync(server, [cached], TestContext.Current.CancellationToken))[cached.Id];
        var browser = new BrowserResult(cached.Id, cached.Fingerprint, true, "resolved", true, "PUT", null, PreflightCount: 1);

        new CaseComparison(Engine.Firefox, cached, browser, probe).Agrees.Should().BeTrue();
        new CaseComparison(Engine.Firefox, cached, browser with { PreflightCount = 2 }, probe).Differences.Should().ContainSingle().Which.Should().StartWith("preflight cache");
    }

    private static async Task<ProbeResult> ProbeAsync()
    {
        await using var server = new CaseServer([Case]);
        var results = await ProbeRun.RunAsync(server, [Case], TestContext.Current.CancellationToken);
        return results[Case.Id];
    }
}

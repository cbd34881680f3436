using System.Globalization;
using CorsProbing.Conformance.Cases;
using CorsProbing.Conformance.Oracle;
using CorsProbing.Testing;

namespace CorsProbing.Conformance;

/// <summary>
/// The whole matrix in each live engine, compared with CorsProbe's profile of that engine and with the engine's
/// recording. Skips (naming the install command) when the browser is missing on a developer machine; fails under CI=true.
/// </summary>
public class LiveBrowserTests
{
    [Theory]
    [InlineData(Engine.Chromium)]
    [InlineData(Engine.Firefox)]
    [InlineData(Engine.WebKit)]
    public async Task TheEngine_AndCorsProbe_AgreeOnEveryCase_AndTheRecordingIsCurrent(Engine engine)
    {
        var executable = EngineLauncher.Executable(engine);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = new CaseServer(CaseMatrix.All);

        var browser = await BrowserRun.RunAsync(engine, server, CaseMatrix.All, cancellationToken);

        executable.Should().NotBeEmpty();
        browser.Where(b => b.Outcome == "missing").Should().BeEmpty($"every case must have run in {engine}");
        if (Repository.Recording)
        {
            new BrowserRecording(EngineLauncher.Version(engine), DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), browser).Save(engine);
            return;
        }

        var comparisons = await ConformanceRun.CompareAsync(engine, server, CaseMatrix.All, browser, cancellationToken);
        comparisons.Where(c => !c.Agrees).Should().BeEmpty(ConformanceRun.Disagreements(comparisons));
        browser.Select(b => (b.Id, b.Allowed, b.PreflightSent, b.RequestMethod, b.RequestHeaders, b.DroppedHeaders, b.PreflightCount)).Should().Equal(
            BrowserRecording.Load(engine).Cases.Select(b => (b.Id, b.Allowed, b.PreflightSent, b.RequestMethod, b.RequestHeaders, b.DroppedHeaders, b.PreflightCount)),
            $"the live browser must decide as recorded; re-record with CORSPROBE_RECORD=1 if {engine} changed");
    }
}

using System.Globalization;
using CorsProbing.Conformance.Cases;
using CorsProbing.Conformance.Oracle;
using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance;

/// <summary>
/// The whole matrix in a live headless Chromium, compared with CorsProbe and with the recording. Skips (naming the
/// install command) when Chromium is missing on a developer machine; fails under CI=true.
/// </summary>
public class LiveChromiumTests
{
    [Fact]
    public async Task Chromium_AndCorsProbe_AgreeOnEveryCase_AndTheRecordingIsCurrent()
    {
        var executable = Chromium.Executable;
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = new CaseServer(CaseMatrix.All);

        var browser = await ChromiumRun.RunAsync(server, CaseMatrix.All, cancellationToken);
        var comparisons = await ConformanceRun.CompareAsync(server, CaseMatrix.All, browser, cancellationToken);

        executable.Should().NotBeEmpty();
        browser.Where(b => b.Outcome == "missing").Should().BeEmpty("every case must have run in the browser");
        if (Repository.Recording)
        {
            new ChromiumRecording(Chromium.Version(), DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), browser).Save();
            return;
        }

        comparisons.Where(c => !c.Agrees).Should().BeEmpty(ConformanceRun.Disagreements(comparisons));
        browser.Select(b => (b.Id, b.Allowed, b.PreflightSent, b.RequestMethod, b.RequestHeaders)).Should().Equal(
            ChromiumRecording.Load().Cases.Select(b => (b.Id, b.Allowed, b.PreflightSent, b.RequestMethod, b.RequestHeaders)),
            "the live browser must decide as recorded; re-record with CORSPROBE_RECORD=1 if Chromium changed");
    }
}

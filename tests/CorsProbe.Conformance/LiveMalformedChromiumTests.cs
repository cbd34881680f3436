using System.Globalization;
using CorsProbing.Conformance.Malformed;
using CorsProbing.Conformance.Oracle;
using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance;

/// <summary>
/// The malformed-response catalogue in a live headless Chromium, compared with CorsProbe and with the recording. Skips
/// (naming the install command) when Chromium is missing on a developer machine; fails under CI=true.
/// </summary>
public class LiveMalformedChromiumTests
{
    [Fact]
    public async Task Chromium_AndCorsProbe_AgreeOnEveryMalformedResponse_AndTheRecordingIsCurrent()
    {
        var executable = Chromium.Executable;
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var targets = new MalformedTargets(MalformedCatalogue.All);

        var browser = await MalformedRun.ChromiumAsync(targets, MalformedCatalogue.All, cancellationToken);
        var comparisons = await MalformedRun.CompareAsync(targets, MalformedCatalogue.All, browser, cancellationToken);

        executable.Should().NotBeEmpty();
        browser.Where(b => b.Outcome == "missing").Should().BeEmpty("every case must have run in the browser");
        if (Repository.Recording)
        {
            new MalformedRecording(Chromium.Version(), DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), browser).Save();
            return;
        }

        comparisons.Where(c => !c.Agrees).Should().BeEmpty(string.Join(Environment.NewLine + Environment.NewLine, comparisons.Where(c => !c.Agrees)));
        browser.Select(b => (b.Id, b.Shape, b.Fingerprint, b.Allowed)).Should().Equal(
            MalformedRecording.Load().Cases.Select(b => (b.Id, b.Shape, b.Fingerprint, b.Allowed)),
            "the live browser must decide as recorded; re-record with CORSPROBE_RECORD=1 if Chromium changed");
    }
}

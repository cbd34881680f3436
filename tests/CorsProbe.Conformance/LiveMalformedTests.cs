using System.Globalization;
using CorsProbing.Conformance.Malformed;
using CorsProbing.Conformance.Oracle;
using CorsProbing.Testing;

namespace CorsProbing.Conformance;

/// <summary>
/// The malformed-response catalogue in each live engine, compared with CorsProbe's profile of that engine (but for the
/// few cases <see cref="MalformedGap"/> names) and with the engine's recording. Skips (naming the install command) when the browser is missing on a developer machine; fails
/// under CI=true.
/// </summary>
public class LiveMalformedTests
{
    [Theory]
    [InlineData(Engine.Chromium)]
    [InlineData(Engine.Firefox)]
    [InlineData(Engine.WebKit)]
    public async Task TheEngine_AndCorsProbe_AgreeOnEveryMalformedResponse_AndTheRecordingIsCurrent(Engine engine)
    {
        var executable = EngineLauncher.Executable(engine);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var targets = new MalformedTargets(MalformedCatalogue.All);

        var browser = await MalformedRun.BrowserAsync(engine, targets, MalformedCatalogue.All, cancellationToken);

        executable.Should().NotBeEmpty();
        browser.Where(b => b.Outcome == "missing").Should().BeEmpty($"every case must have run in {engine}");
        if (Repository.Recording)
        {
            new MalformedRecording(EngineLauncher.Version(engine), DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), browser).Save(engine);
            return;
        }

        // Every case must agree, but for the few MalformedGap names on purpose.
        var comparisons = await MalformedRun.CompareAsync(engine, targets, MalformedCatalogue.All, browser, cancellationToken);
        var gap = engine switch { Engine.Firefox => MalformedGap.Firefox, Engine.WebKit => MalformedGap.WebKit, _ => 0 };
        comparisons.Count(c => !c.Agrees).Should().BeLessThanOrEqualTo(gap, string.Join(Environment.NewLine + Environment.NewLine, comparisons.Where(c => !c.Agrees)));
        browser.Select(b => (b.Id, b.Shape, b.Fingerprint, b.Allowed)).Should().Equal(
            MalformedRecording.Load(engine).Cases.Select(b => (b.Id, b.Shape, b.Fingerprint, b.Allowed)),
            $"the live browser must decide as recorded; re-record with CORSPROBE_RECORD=1 if {engine} changed");
    }
}

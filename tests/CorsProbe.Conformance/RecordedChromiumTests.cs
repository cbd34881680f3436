using CorsProbing.Conformance.Cases;
using CorsProbing.Conformance.Malformed;
using CorsProbing.Conformance.Oracle;
using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance;

/// <summary>
/// CorsProbe against Chromium's recorded verdicts, on every <c>dotnet test</c>: no browser needed, the same loopback
/// server answers CorsProbe's preflights exactly as it answered the browser's.
/// </summary>
public class RecordedChromiumTests
{
    private static readonly ChromiumRecording Recording = ChromiumRecording.Load();

    [Fact]
    public void TheMatrix_HasAtLeast300Cases() =>
        CaseMatrix.All.Should().HaveCountGreaterThanOrEqualTo(300);

    [Fact]
    public void TheRecording_CoversTheMatrixAsItIsNow()
    {
        Recording.Cases.Select(c => (c.Id, c.Fingerprint)).Should().Equal(
            CaseMatrix.All.Select(c => (c.Id, c.Fingerprint)),
            "the matrix changed since Chromium was recorded: re-record with CORSPROBE_RECORD=1 dotnet test tests/CorsProbe.Conformance");
    }

    [Fact]
    public void EveryRecordedCase_WasReportedByTheBrowser() =>
        Recording.Cases.Where(c => c.Outcome == "missing").Should().BeEmpty();

    [Fact]
    public async Task CorsProbe_AgreesWithRecordedChromium_OnEveryCase()
    {
        var comparisons = await CompareWithRecordingAsync();

        comparisons.Where(c => !c.Agrees).Should().BeEmpty(ConformanceRun.Disagreements(comparisons));
    }

    [Fact]
    public async Task TheConformanceDocument_IsUpToDate()
    {
        var comparisons = await CompareWithRecordingAsync();
        var malformed = await MalformedRun.CompareWithRecordingAsync(TestContext.Current.CancellationToken);
        var expected = ConformanceDocument.Render(Recording, comparisons, MalformedDocument.Render(MalformedRecording.Load(), malformed));
        var path = Path.Combine(Repository.Root, ConformanceDocument.RelativePath);
        if (Repository.Recording)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, expected, TestContext.Current.CancellationToken);
        }

        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings().Should().Be(
            expected.ReplaceLineEndings(), "docs/conformance.md is generated: re-run with CORSPROBE_RECORD=1");
    }

    private static async Task<IReadOnlyList<CaseComparison>> CompareWithRecordingAsync()
    {
        await using var server = new CaseServer(CaseMatrix.All);
        return await ConformanceRun.CompareAsync(server, CaseMatrix.All, Recording.Cases, TestContext.Current.CancellationToken);
    }
}

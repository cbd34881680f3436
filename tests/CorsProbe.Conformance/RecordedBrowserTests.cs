using CorsProbing.Conformance.Cases;
using CorsProbing.Conformance.Malformed;
using CorsProbing.Conformance.Oracle;
using CorsProbing.Testing;

namespace CorsProbing.Conformance;

/// <summary>
/// CorsProbe against each engine's recorded verdicts, on every <c>dotnet test</c>: no browser needed, the same loopback
/// server answers CorsProbe's preflights exactly as it answered the browser's.
/// </summary>
public class RecordedBrowserTests
{
    public static TheoryData<Engine> Engines => [.. EngineLauncher.All];

    [Fact]
    public void TheMatrix_HasAtLeast300Cases() =>
        CaseMatrix.All.Should().HaveCountGreaterThanOrEqualTo(300);

    [Theory]
    [MemberData(nameof(Engines))]
    public void TheRecording_CoversTheMatrixAsItIsNow(Engine engine)
    {
        BrowserRecording.Load(engine).Cases.Select(c => (c.Id, c.Fingerprint)).Should().Equal(
            CaseMatrix.All.Select(c => (c.Id, c.Fingerprint)),
            $"the matrix changed since {engine} was recorded: re-record with CORSPROBE_RECORD=1 dotnet test tests/CorsProbe.Conformance");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void EveryRecordedCase_WasReportedByTheBrowser(Engine engine) =>
        BrowserRecording.Load(engine).Cases.Where(c => c.Outcome == "missing").Should().BeEmpty();

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task CorsProbe_AgreesWithTheRecordedEngine_OnEveryCase(Engine engine)
    {
        var comparisons = await CompareWithRecordingAsync(engine);

        comparisons.Where(c => !c.Agrees).Should().BeEmpty(ConformanceRun.Disagreements(comparisons));
    }

    [Fact]
    public async Task TheConformanceDocument_IsUpToDate()
    {
        var engines = new List<(Engine, BrowserRecording, IReadOnlyList<CaseComparison>)>();
        foreach (var engine in EngineLauncher.All)
        {
            engines.Add((engine, BrowserRecording.Load(engine), await CompareWithRecordingAsync(engine)));
        }

        var malformed = new List<(Engine, MalformedRecording, IReadOnlyList<MalformedComparison>)>();
        foreach (var engine in EngineLauncher.All)
        {
            malformed.Add((engine, MalformedRecording.Load(engine), await MalformedRun.CompareWithRecordingAsync(engine, TestContext.Current.CancellationToken)));
        }

        var expected = ConformanceDocument.Render(engines, MalformedDocument.Render(malformed));
        var path = Path.Combine(Repository.Root, ConformanceDocument.RelativePath);
        if (Repository.Recording)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, expected, TestContext.Current.CancellationToken);
        }

        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings().Should().Be(
            expected.ReplaceLineEndings(), "docs/conformance.md is generated: re-run with CORSPROBE_RECORD=1");
    }

    private static async Task<IReadOnlyList<CaseComparison>> CompareWithRecordingAsync(Engine engine)
    {
        await using var server = new CaseServer(CaseMatrix.All);
        return await ConformanceRun.CompareAsync(engine, server, CaseMatrix.All, BrowserRecording.Load(engine).Cases, TestContext.Current.CancellationToken);
    }
}

using CorsProbing.Conformance.Cases;
using CorsProbing.Conformance.Malformed;
using CorsProbing.Conformance.Oracle;
using CorsProbing.Testing;

namespace CorsProbing.Conformance;

/// <summary>
/// What only the case matrix has beyond the checks every catalogue gets (<see cref="RecordedOracleTests"/>): its size, and
/// the conformance document generated from every engine's recordings.
/// </summary>
public class RecordedBrowserTests
{
    [Fact]
    public void TheMatrix_HasAtLeast300Cases() =>
        CaseMatrix.All.Should().HaveCountGreaterThanOrEqualTo(300);

    [Fact]
    public async Task TheConformanceDocument_IsUpToDate()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engines = new List<(Engine, OracleRecording<BrowserResult>, IReadOnlyList<CaseComparison>)>();
        var malformed = new List<(Engine, OracleRecording<MalformedObservation>, IReadOnlyList<MalformedComparison>)>();
        foreach (var engine in EngineLauncher.All)
        {
            engines.Add((engine, MatrixOracle.Instance.Recording(engine), await MatrixOracle.Instance.CompareWithRecordingAsync(engine, cancellationToken)));
            malformed.Add((engine, MalformedOracle.Instance.Recording(engine), await MalformedOracle.Instance.CompareWithRecordingAsync(engine, cancellationToken)));
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
}

using System.Globalization;
using CorsProbing.Conformance.Support;
using CorsProbing.Testing;

namespace CorsProbing.Conformance.Oracle;

/// <summary>
/// The one live-oracle pipeline every catalogue runs through: serve the cases on loopback, run them in a browser, probe
/// them with CorsProbe, compare, and keep the browser's outcomes as a recording every <c>dotnet test</c> checks again.
/// </summary>
/// <typeparam name="TServer">What serves the cases to both clients.</typeparam>
/// <typeparam name="TObservation">What the browser did with one case.</typeparam>
/// <typeparam name="TComparison">CorsProbe's outcome next to the browser's for one case.</typeparam>
public abstract class OracleCatalogue<TServer, TObservation, TComparison> : IOracleCatalogue
    where TServer : IAsyncDisposable
    where TObservation : IBrowserObservation
    where TComparison : IAgreement
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>Each case as the catalogue defines it now, in order (what <see cref="IBrowserObservation.Identity"/> must match).</summary>
    public abstract IEnumerable<object> Identities { get; }

    /// <summary>What tells this catalogue's recording files apart: <c>chromium{suffix}.json</c>.</summary>
    protected abstract string FileSuffix { get; }

    /// <inheritdoc />
    public virtual int AllowedDisagreements(Engine engine) => 0;

    /// <summary>Starts the servers of every case.</summary>
    public abstract TServer Serve();

    /// <summary>Runs every case in one browser process of <paramref name="engine"/>.</summary>
    public abstract Task<IReadOnlyList<TObservation>> BrowserAsync(TServer server, Engine engine, CancellationToken cancellationToken);

    /// <summary>Probes every case with CorsProbe and pairs each outcome with <paramref name="browser"/>'s.</summary>
    public abstract Task<IReadOnlyList<TComparison>> CompareAsync(TServer server, Engine engine, IReadOnlyList<TObservation> browser, CancellationToken cancellationToken);

    /// <summary><paramref name="engine"/>'s recording, copied next to the test assembly.</summary>
    public OracleRecording<TObservation> Recording(Engine engine) => RecordingFile.Load<OracleRecording<TObservation>>(FileName(engine));

    /// <summary>The catalogue probed by CorsProbe and paired with <paramref name="engine"/>'s recorded outcomes.</summary>
    public async Task<IReadOnlyList<TComparison>> CompareWithRecordingAsync(Engine engine, CancellationToken cancellationToken)
    {
        await using var server = Serve();
        return await CompareAsync(server, engine, Recording(engine).Cases, cancellationToken);
    }

    /// <inheritdoc />
    public async Task CheckLiveAsync(Engine engine, CancellationToken cancellationToken)
    {
        EngineLauncher.Executable(engine).Should().NotBeEmpty();
        await using var server = Serve();

        var browser = await BrowserAsync(server, engine, cancellationToken);

        browser.Where(b => b.Outcome == "missing").Should().BeEmpty($"every case of {Name} must have run in {engine}");
        if (Repository.Recording)
        {
            var recording = new OracleRecording<TObservation>(EngineLauncher.Version(engine), DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), browser);
            RecordingFile.Save(recording, "tests/CorsProbe.Conformance/Recorded/" + FileName(engine));
            return;
        }

        var comparisons = await CompareAsync(server, engine, browser, cancellationToken);
        comparisons.Count(c => !c.Agrees).Should().BeLessThanOrEqualTo(AllowedDisagreements(engine), Describe(comparisons));
        browser.Select(b => b.Decision).Should().Equal(
            Recording(engine).Cases.Select(b => b.Decision),
            $"the live browser must decide as recorded; re-record with CORSPROBE_RECORD=1 if {engine} changed");
    }

    /// <inheritdoc />
    public void CheckRecordingIsCurrent(Engine engine)
    {
        var recording = Recording(engine);

        recording.Cases.Select(c => c.Identity).Should().Equal(
            Identities, $"{Name} changed since {engine} was recorded: re-record with CORSPROBE_RECORD=1 dotnet test tests/CorsProbe.Conformance");
        recording.Cases.Where(c => c.Outcome == "missing").Should().BeEmpty($"every case of {Name} ran when {engine} was recorded");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> DisagreementsWithRecordingAsync(Engine engine, CancellationToken cancellationToken) =>
        [.. (await CompareWithRecordingAsync(engine, cancellationToken)).Where(c => !c.Agrees).Select(c => c.ToString() ?? string.Empty)];

    private static string Describe(IEnumerable<TComparison> comparisons) =>
        string.Join(Environment.NewLine + Environment.NewLine, comparisons.Where(c => !c.Agrees));

    private string FileName(Engine engine) => engine.ToString().ToLowerInvariant() + FileSuffix + ".json";
}

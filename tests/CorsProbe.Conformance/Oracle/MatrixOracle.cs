using CorsProbing.Conformance.Cases;

namespace CorsProbing.Conformance.Oracle;

/// <summary>The request/response matrix (<see cref="CaseMatrix"/>): every case served by a <see cref="CaseServer"/>, judged in full.</summary>
public sealed class MatrixOracle : OracleCatalogue<CaseServer, BrowserResult, CaseComparison>
{
    /// <summary>The one instance.</summary>
    public static MatrixOracle Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "the case matrix";

    /// <inheritdoc />
    public override IEnumerable<object> Identities => CaseMatrix.All.Select(c => (object)(c.Id, c.Fingerprint));

    /// <inheritdoc />
    protected override string FileSuffix => string.Empty;

    /// <inheritdoc />
    public override CaseServer Serve() => new(CaseMatrix.All);

    /// <inheritdoc />
    public override Task<IReadOnlyList<BrowserResult>> BrowserAsync(CaseServer server, Engine engine, CancellationToken cancellationToken) =>
        BrowserRun.RunAsync(engine, server, CaseMatrix.All, cancellationToken);

    /// <inheritdoc />
    public override Task<IReadOnlyList<CaseComparison>> CompareAsync(CaseServer server, Engine engine, IReadOnlyList<BrowserResult> browser, CancellationToken cancellationToken) =>
        ConformanceRun.CompareAsync(engine, server, CaseMatrix.All, browser, cancellationToken);
}

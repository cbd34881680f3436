using CorsProbing.Conformance.Oracle;

namespace CorsProbing.Conformance.Malformed;

/// <summary>The malformed-response catalogue (<see cref="MalformedCatalogue"/>): every case in both shapes, written byte for byte by <see cref="MalformedTargets"/>.</summary>
public sealed class MalformedOracle : OracleCatalogue<MalformedTargets, MalformedObservation, MalformedComparison>
{
    /// <summary>The one instance.</summary>
    public static MalformedOracle Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "the malformed-response catalogue";

    /// <inheritdoc />
    public override IEnumerable<object> Identities =>
        MalformedRun.Pairs(MalformedCatalogue.All).Select(p => (object)(p.Case.Id, p.Shape, MalformedRun.Fingerprint(p.Case)));

    /// <inheritdoc />
    protected override string FileSuffix => "-malformed";

    /// <inheritdoc />
    public override int AllowedDisagreements(Engine engine) => engine switch { Engine.Firefox => MalformedGap.Firefox, Engine.WebKit => MalformedGap.WebKit, _ => 0 };

    /// <inheritdoc />
    public override MalformedTargets Serve() => new(MalformedCatalogue.All);

    /// <inheritdoc />
    public override Task<IReadOnlyList<MalformedObservation>> BrowserAsync(MalformedTargets server, Engine engine, CancellationToken cancellationToken) =>
        MalformedRun.BrowserAsync(engine, server, MalformedCatalogue.All, cancellationToken);

    /// <inheritdoc />
    public override Task<IReadOnlyList<MalformedComparison>> CompareAsync(MalformedTargets server, Engine engine, IReadOnlyList<MalformedObservation> browser, CancellationToken cancellationToken) =>
        MalformedRun.CompareAsync(engine, server, MalformedCatalogue.All, browser, cancellationToken);
}

using CorsProbing.Conformance.Oracle;

namespace CorsProbing.Conformance;

/// <summary>
/// Every catalogue in each live engine, compared with CorsProbe's profile of that engine and with the engine's recording,
/// through the one oracle pipeline (<see cref="OracleCatalogue{TServer, TObservation, TComparison}"/>). Skips (naming
/// the install command) when the browser is missing on a developer machine; fails under CI=true.
/// </summary>
public class LiveOracleTests
{
    public static TheoryData<string, Engine> Runs => Oracles.Runs;

    [Theory]
    [MemberData(nameof(Runs))]
    public Task TheEngine_AndCorsProbe_AgreeOnEveryCase_AndTheRecordingIsCurrent(string catalogue, Engine engine) =>
        Oracles.ByName[catalogue].CheckLiveAsync(engine, TestContext.Current.CancellationToken);
}

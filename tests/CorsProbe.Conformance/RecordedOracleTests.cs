using CorsProbing.Conformance.Oracle;

namespace CorsProbing.Conformance;

/// <summary>
/// CorsProbe against each engine's recorded outcomes for every catalogue, on every <c>dotnet test</c>: no browser needed,
/// the same loopback servers answer CorsProbe exactly as they answered the browser.
/// </summary>
public class RecordedOracleTests
{
    public static TheoryData<string, Engine> Runs => Oracles.Runs;

    [Theory]
    [MemberData(nameof(Runs))]
    public void TheRecording_CoversTheCatalogueAsItIsNow_AndEveryCaseRan(string catalogue, Engine engine) =>
        Oracles.ByName[catalogue].CheckRecordingIsCurrent(engine);

    // The bound is the disagreements named on purpose (MalformedGap): it may only shrink.
    [Theory]
    [MemberData(nameof(Runs))]
    public async Task CorsProbe_AgreesWithTheRecordedEngine_ButForTheCasesNamedOnPurpose(string catalogue, Engine engine)
    {
        var oracle = Oracles.ByName[catalogue];

        var disagreements = await oracle.DisagreementsWithRecordingAsync(engine, TestContext.Current.CancellationToken);

        disagreements.Should().HaveCountLessThanOrEqualTo(oracle.AllowedDisagreements(engine), string.Join(Environment.NewLine + Environment.NewLine, disagreements));
    }
}

using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class AuthorizationWildcardRuleTests
{
    [Fact]
    public void AuthorizationCoveredOnlyByAWildcard_IsCORS101()
    {
        var evidence = new HandBuiltEvidence { UnsafeHeaders = ["authorization"], Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "*")] };

        var finding = evidence.Run(AuthorizationWildcardRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.AuthorizationCoveredByWildcard);
        finding.Severity.Should().Be(CorsSeverity.Warning);
    }

    [Fact]
    public void AuthorizationListedByName_RaisesNothing() =>
        new HandBuiltEvidence { UnsafeHeaders = ["authorization"], Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "*, Authorization")] }
            .Run(AuthorizationWildcardRule.Apply).Should().BeEmpty();
}

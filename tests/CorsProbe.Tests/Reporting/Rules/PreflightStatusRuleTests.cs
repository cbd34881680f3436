using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class PreflightStatusRuleTests
{
    [Fact]
    public void ANotOkStatus_IsCORS003()
    {
        var finding = new HandBuiltEvidence { Status = 401 }.Run(PreflightStatusRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.PreflightStatus);
        finding.Scope.Should().Be(FindingScope.Preflight);
        finding.Message.Should().Contain("answered 401").And.Contain("ok status (200–299)");
    }

    [Fact]
    public void A204_RaisesNothing() =>
        new HandBuiltEvidence().Run(PreflightStatusRule.Apply).Should().BeEmpty();
}

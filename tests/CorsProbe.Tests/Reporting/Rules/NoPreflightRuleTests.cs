using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class NoPreflightRuleTests
{
    [Fact]
    public void ASimpleRequest_IsANote_SayingWhatWasJudged()
    {
        var finding = new HandBuiltEvidence { Method = "GET", FollowUp = (200, [("Access-Control-Allow-Origin", Probe.Origin)]) }
            .Run(NoPreflightRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.NoPreflightInBrowser);
        finding.Severity.Should().Be(CorsSeverity.Info);
        finding.Message.Should().Contain("sent the actual GET too");
    }

    [Fact]
    public void ARequestBrowsersPreflight_RaisesNothing() =>
        new HandBuiltEvidence().Run(NoPreflightRule.Apply).Should().BeEmpty();
}

using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class SlowResponseRuleTests
{
    [Fact]
    public void AnAnswerSlowerThanAProfilesLimit_IsCORS002_ForThatProfile()
    {
        var finding = new HandBuiltEvidence { Elapsed = TimeSpan.FromSeconds(6), AlsoJudged = [CorsProfile.Galxe] }.Run(SlowResponseRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.Timeout);
        finding.Scope.Should().Be(FindingScope.Duration);
        finding.Message.Should().Contain("the Galxe platform gives up after 5 s");
    }

    [Fact]
    public void AnAnswerWithinEveryLimit_RaisesNothing() =>
        new HandBuiltEvidence { Elapsed = TimeSpan.FromSeconds(4), AlsoJudged = [CorsProfile.Galxe] }.Run(SlowResponseRule.Apply).Should().BeEmpty();
}

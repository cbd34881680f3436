using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class ActualResponseNotCheckedRuleTests
{
    [Fact]
    public void OptionsOnly_ForARequestWithoutPreflight_IsAWarning()
    {
        var finding = new HandBuiltEvidence { Method = "GET", SendsFollowUp = false }.Run(ActualResponseNotCheckedRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.ActualResponseNotChecked);
        finding.Severity.Should().Be(CorsSeverity.Warning);
        finding.Message.Should().Contain("unverified");
    }

    [Fact]
    public void OptionsOnly_AfterAPassingPreflight_IsANote() =>
        new HandBuiltEvidence { SendsFollowUp = false }.Run(ActualResponseNotCheckedRule.Apply).Should().ContainSingle().Which.Severity.Should().Be(CorsSeverity.Info);

    [Fact]
    public void WhenTheFollowUpIsSent_NothingIsRaised() =>
        new HandBuiltEvidence().Run(ActualResponseNotCheckedRule.Apply).Should().BeEmpty();
}

using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class ProfileDifferenceRuleTests
{
    [Fact]
    public void APlatformThatPassesWhileBrowsersBlock_IsExplained()
    {
        var facts = new HandBuiltEvidence { AlsoJudged = [CorsProfile.Galxe] }.Facts;
        var verdicts = facts.Profiles.Select(p => p == CorsProfile.Galxe ? CorsVerdict.Allowed : CorsVerdict.Denied).ToList();
        var findings = new List<FindingDraft>();

        ProfileDifferenceRule.Apply(facts, verdicts, findings);

        var finding = findings.Should().ContainSingle().Which;
        finding.Code.Should().Be(CorsFindingCodes.ProfilesDisagree);
        finding.Message.Should().StartWith("The dashboard's Test button passes, but saving fails");
    }

    [Fact]
    public void ProfilesThatAgree_RaiseNothing()
    {
        var facts = new HandBuiltEvidence().Facts;
        var findings = new List<FindingDraft>();

        ProfileDifferenceRule.Apply(facts, [.. facts.Profiles.Select(_ => CorsVerdict.Allowed)], findings);

        findings.Should().BeEmpty();
    }
}

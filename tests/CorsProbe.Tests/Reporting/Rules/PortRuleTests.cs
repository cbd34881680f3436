using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class PortRuleTests
{
    [Fact]
    public void APortAProfileRefuses_IsCORS015_ForThatProfile()
    {
        var findings = new List<FindingDraft>();

        PortRule.Apply(new HandBuiltEvidence { Url = new("https://api.example.com:8443/quests"), AlsoJudged = [CorsProfile.Galxe] }.Facts, findings);

        var finding = findings.Should().ContainSingle().Which;
        finding.Code.Should().Be(CorsFindingCodes.NonStandardPort);
        finding.Scope.Should().Be(FindingScope.Port);
        finding.Message.Should().Contain("port 8443").And.Contain("the Galxe platform only accepts URLs on ports 80 and 443");
    }

    [Fact]
    public void Port443_RaisesNothing()
    {
        var findings = new List<FindingDraft>();

        PortRule.Apply(new HandBuiltEvidence().Facts, findings);

        findings.Should().BeEmpty();
    }

    [Fact]
    public void AnyPort_RaisesNothing_WhenNoJudgedProfileLimitsPorts()
    {
        var findings = new List<FindingDraft>();

        PortRule.Apply(new HandBuiltEvidence { Url = new("https://api.example.com:8443/quests") }.Facts, findings);

        findings.Should().BeEmpty("browsers accept any port, and no platform profile was asked for");
    }
}

using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class RedirectRuleTests
{
    [Fact]
    public void ARedirectedPreflight_IsCORS004_NamingTheLocation()
    {
        var evidence = new HandBuiltEvidence { Status = 308, Lines = [("Location", "https://api.example.com/quests/"), ("Access-Control-Allow-Origin", Probe.Origin)] };

        var finding = evidence.Run(RedirectRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.Redirect);
        finding.Scope.Should().Be(FindingScope.Preflight);
        finding.Message.Should().Contain("answered 308 with `Location: https://api.example.com/quests/`").And.Contain("never follow redirects for preflights");
    }

    [Fact]
    public void A3xxWithoutLocation_IsNoRedirect() =>
        new HandBuiltEvidence { Status = 304 }.Run(RedirectRule.Apply).Should().BeEmpty();
}

using CorsProbing.Http;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class RedirectChainRuleTests
{
    [Fact]
    public void ARedirectBrowsersRefuseToFollow_IsCORS018_SayingWhy()
    {
        var evidence = new HandBuiltEvidence
        {
            Method = "GET",
            FollowUp = (302, [("Location", "ftp://files.example.com/quests"), ("Access-Control-Allow-Origin", Probe.Origin)]),
            Refusal = (RedirectRefusal.NotHttp, new Uri("ftp://files.example.com/quests")),
        };

        var finding = evidence.Run(RedirectChainRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.RedirectStops);
        finding.Severity.Should().Be(CorsSeverity.Error);
        finding.Message.Should().Contain("ftp://files.example.com/quests").And.Contain("not an http: or https: URL");
    }

    [Fact]
    public void AFollowUpThatWasNotRedirected_RaisesNothing() =>
        new HandBuiltEvidence { Method = "GET", FollowUp = (200, [("Access-Control-Allow-Origin", Probe.Origin)]) }.Run(RedirectChainRule.Apply).Should().BeEmpty();
}

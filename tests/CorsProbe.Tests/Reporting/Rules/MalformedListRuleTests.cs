using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class MalformedListRuleTests
{
    [Fact]
    public void AnElementThatIsNoToken_IsCORS010_NamingIt()
    {
        var finding = new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT; GET")] }
            .Run(MalformedListRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.InvalidAllowMethods);
        finding.Message.Should().Contain("`PUT; GET`").And.Contain("not an HTTP token");
    }

    [Fact]
    public void AWellFormedList_RaisesNothing() =>
        new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "GET, ,PUT")] }
            .Run(MalformedListRule.Apply).Should().BeEmpty();
}

using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class MethodRuleTests
{
    [Fact]
    public void AListedMethod_RaisesNothing() =>
        new HandBuiltEvidence().Run(MethodRule.Apply).Should().BeEmpty();

    [Fact]
    public void AnUnlistedMethod_IsCORS011()
    {
        var finding = new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "GET, POST")] }
            .Run(MethodRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.MethodNotAllowed);
        finding.Message.Should().Contain("does not list `PUT`");
        finding.Remedy.Should().Contain("Add `PUT` to Access-Control-Allow-Methods");
    }

    [Fact]
    public void AMethodListedInAnotherCase_IsNamed()
    {
        var evidence = new HandBuiltEvidence { Method = "PATCH", Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "patch")] };

        evidence.Run(MethodRule.Apply).Should().ContainSingle().Which.Message.Should().Contain("lists `patch`, not `PATCH`");
    }

    [Fact]
    public void AWildcard_IsLiteralWithCredentials()
    {
        var evidence = new HandBuiltEvidence
        {
            Credentials = true,
            Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Credentials", "true"), ("Access-Control-Allow-Methods", "*")],
        };

        evidence.Run(MethodRule.Apply).Should().ContainSingle().Which.Message.Should().Contain("`*` is a literal method name");
    }
}

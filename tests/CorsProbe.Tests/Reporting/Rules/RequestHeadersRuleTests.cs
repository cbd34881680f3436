using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class RequestHeadersRuleTests
{
    [Fact]
    public void AnUnlistedHeader_IsCORS013_AboutAllowHeaders_NamingIt()
    {
        var evidence = new HandBuiltEvidence { UnsafeHeaders = ["content-type", "x-api-key"], Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "Content-Type")] };

        var finding = evidence.Run(RequestHeadersRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.HeaderNotAllowed);
        finding.Scope.Should().Be(FindingScope.AllowHeaders);
        finding.Message.Should().Contain("does not allow `x-api-key`").And.Contain("asked for `content-type,x-api-key`");
        finding.Subject.Should().Be("x-api-key", "findings of two header forms about the same headers merge on it");
    }

    [Fact]
    public void EveryHeaderListed_RaisesNothing() =>
        new HandBuiltEvidence { UnsafeHeaders = ["x-api-key"], Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "X-Api-Key")] }
            .Run(RequestHeadersRule.Apply).Should().BeEmpty();

    [Fact]
    public void UnderAProfileThatDoesNotReadTheHeader_TheMessageSaysOnlyThat_NotThatItPasses()
    {
        var finding = new HandBuiltEvidence { UnsafeHeaders = ["x-api-key"], AlsoJudged = [CorsProfile.Galxe] }.Run(RequestHeadersRule.Apply).Single();

        finding.Message.Should().EndWith("The check of the Galxe platform does not read this header, so it does not fail on it.").And.NotContain("passes");
    }
}

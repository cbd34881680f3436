using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class MethodListingRuleTests
{
    [Fact]
    public void ASafelistedMethodNotListed_IsCORS014_AboutListing()
    {
        var evidence = new HandBuiltEvidence { Method = "POST", UnsafeHeaders = ["x-api-key"], AlsoJudged = [CorsProfile.Galxe], Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Headers", "x-api-key")] };

        var finding = evidence.Run(MethodListingRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.MethodNotListed);
        finding.Scope.Should().Be(FindingScope.MethodListing, "only profiles that require listed methods count it");
        finding.Message.Should().Contain("Browsers allow it anyway").And.Contain("the Galxe platform requires every method to be listed");
    }

    [Fact]
    public void AListedMethod_RaisesNothing() =>
        new HandBuiltEvidence { Method = "POST", Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "POST")] }
            .Run(MethodListingRule.Apply).Should().BeEmpty();
}

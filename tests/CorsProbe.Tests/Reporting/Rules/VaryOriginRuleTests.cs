using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class VaryOriginRuleTests
{
    [Fact]
    public void AnEchoedOriginWithoutVary_IsCORS103()
    {
        var finding = new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT")] }
            .Run(VaryOriginRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.MissingVaryOrigin);
        finding.Severity.Should().Be(CorsSeverity.Warning);
    }

    [Theory]
    [InlineData("Origin")]
    [InlineData("Accept-Encoding, origin")]
    [InlineData("*")]
    public void AVaryThatCoversOrigin_RaisesNothing(string vary) =>
        new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT"), ("Vary", vary)] }
            .Run(VaryOriginRule.Apply).Should().BeEmpty();

    [Fact]
    public void AWildcardOrigin_NeedsNoVary() =>
        new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT")] }.Run(VaryOriginRule.Apply).Should().BeEmpty();
}

using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class MaxAgeRuleTests
{
    [Fact]
    public void NoMaxAge_IsANote()
    {
        var finding = new HandBuiltEvidence().Run(MaxAgeRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.MaxAge);
        finding.Severity.Should().Be(CorsSeverity.Info);
        finding.Message.Should().Contain("5 s");
    }

    [Fact]
    public void AValueAnEngineCaps_IsAWarning_NamingEachEngine()
    {
        var lines = new[] { ("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT"), ("Vary", "Origin"), ("Access-Control-Max-Age", "86400") };

        var finding = new HandBuiltEvidence { Lines = lines }.Run(MaxAgeRule.Apply).Should().ContainSingle().Which;

        finding.Severity.Should().Be(CorsSeverity.Warning);
        finding.Message.Should().Contain("Chrome/Edge").And.Contain("Safari");
    }

    [Fact]
    public void AValueEveryEngineTakes_RaisesNothing() =>
        new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Max-Age", "600")] }
            .Run(MaxAgeRule.Apply).Should().BeEmpty();
}

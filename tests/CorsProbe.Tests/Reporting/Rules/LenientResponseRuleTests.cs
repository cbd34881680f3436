using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class LenientResponseRuleTests
{
    [Fact]
    public void WhatBrowsersTolerated_IsCORS110_QuotingIt()
    {
        var finding = new HandBuiltEvidence { Leniencies = ["the line 'X Bad: 1' was dropped: its name is not a valid header name"] }
            .Run(LenientResponseRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.LenientResponse);
        finding.Message.Should().Contain("'X Bad: 1' was dropped");
    }

    [Fact]
    public void AValidHead_RaisesNothing() =>
        new HandBuiltEvidence().Run(LenientResponseRule.Apply).Should().BeEmpty();
}

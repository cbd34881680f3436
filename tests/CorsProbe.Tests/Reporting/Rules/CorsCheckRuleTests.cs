using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class CorsCheckRuleTests
{
    [Fact]
    public void AGrantOfTheOrigin_RaisesNothing() =>
        new HandBuiltEvidence().Run(CorsCheckRule.Apply).Should().BeEmpty();

    [Fact]
    public void NoAllowOrigin_IsCORS005_OnThePreflight()
    {
        var finding = new HandBuiltEvidence { Lines = [("Access-Control-Allow-Methods", "PUT")] }.Run(CorsCheckRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.AllowOriginMissing);
        finding.Severity.Should().Be(CorsSeverity.Error);
        finding.Scope.Should().Be(FindingScope.Preflight);
        finding.Message.Should().Contain("The preflight response has no Access-Control-Allow-Origin");
    }

    [Fact]
    public void AnotherOrigin_IsCORS007_WithTheHint()
    {
        var finding = new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", Probe.Origin + "/")] }.Run(CorsCheckRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.AllowOriginMismatch);
        finding.Message.Should().Contain("trailing slash");
    }

    [Fact]
    public void TwoValues_AreCORS006()
    {
        var lines = new[] { ("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Origin", Probe.Origin) };

        new HandBuiltEvidence { Lines = lines }.Run(CorsCheckRule.Apply).Should().ContainSingle().Which.Code.Should().Be(CorsFindingCodes.AllowOriginMultiple);
    }

    [Fact]
    public void AWildcardWithCredentials_IsCORS008_AndMissingCredentialsCORS009()
    {
        var findings = new HandBuiltEvidence { Credentials = true, Lines = [("Access-Control-Allow-Origin", "*")] }.Run(CorsCheckRule.Apply);

        findings.Select(f => f.Code).Should().Equal(CorsFindingCodes.WildcardWithCredentials, CorsFindingCodes.AllowCredentials);
    }

    [Fact]
    public void TheActualResponse_IsCheckedToo_AndSaysSo()
    {
        var evidence = new HandBuiltEvidence { Method = "GET", FollowUp = (200, []) };

        var finding = evidence.Run(CorsCheckRule.Apply).Should().ContainSingle().Which;

        finding.Scope.Should().Be(FindingScope.ActualResponse);
        finding.Message.Should().StartWith("On the actual GET response:");
    }

    [Fact]
    public void AStandInRefusedWithA404_WhileThePreflightGrants_IsAWarning()
    {
        var finding = new HandBuiltEvidence { FollowUp = (404, []) }.Run(CorsCheckRule.Apply).Should().ContainSingle().Which;

        finding.Severity.Should().Be(CorsSeverity.Warning);
        finding.Message.Should().Contain("proves little about the PUT route");
    }

    [Theory]
    [InlineData("Kestrel", "In ASP.NET Core, call app.UseCors() before the middleware that can fail the request")]
    [InlineData("nginx", "In nginx, `add_header` skips error responses unless it ends with `always`.")]
    [InlineData("Apache", "use `Header always set`")]
    public void AStandInRefusedWithoutAGrant_GetsTheAdviceOfTheServerThatAnswered(string server, string advice)
    {
        var evidence = new HandBuiltEvidence { FollowUp = (405, [("Server", server)]) };

        var remedy = evidence.Run(CorsCheckRule.Apply).Single(f => f.Code == CorsFindingCodes.AllowOriginMissing).Remedy!;

        remedy.Should().StartWith("Add the CORS headers to error responses too.").And.Contain(advice);
        if (server == "Kestrel")
        {
            remedy.Should().NotContain("add_header", "a PUT-only ASP.NET Core route's 405 is not nginx's");
        }
    }

    [Fact]
    public void AStandInRefusedWithoutAGrant_FromAnUnknownServer_GetsTheGenericAdvice() =>
        new HandBuiltEvidence { FollowUp = (405, []) }.Run(CorsCheckRule.Apply).Single(f => f.Code == CorsFindingCodes.AllowOriginMissing).Remedy
            .Should().Be("Add the CORS headers to error responses too.");
}

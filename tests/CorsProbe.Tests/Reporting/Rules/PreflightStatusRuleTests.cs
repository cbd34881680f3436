using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class PreflightStatusRuleTests
{
    [Fact]
    public void ANotOkStatus_IsCORS003()
    {
        var finding = new HandBuiltEvidence { Status = 401 }.Run(PreflightStatusRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.PreflightStatus);
        finding.Scope.Should().Be(FindingScope.Preflight);
        finding.Message.Should().Contain("answered 401").And.Contain("ok status (200–299)");
    }

    [Theory]
    [InlineData(404, "Kestrel", "No route answers OPTIONS at this URL (the server answered 404)", "In ASP.NET Core, map the endpoint at this path and call app.UseCors()")]
    [InlineData(405, "nginx/1.24.0", "No route answers OPTIONS at this URL (the server answered 405)", "In nginx, answer it in this location")]
    [InlineData(405, "Apache/2.4.62 (Debian)", "No route answers OPTIONS at this URL (the server answered 405)", "In Apache, answer it with mod_rewrite")]
    [InlineData(404, "Caddy", "No route answers OPTIONS at this URL (the server answered 404)", "In Caddy, match it with `@preflight method OPTIONS`")]
    [InlineData(401, "Kestrel", "The preflight was refused as unauthenticated (401)", "In ASP.NET Core, call app.UseCors() before UseAuthentication()")]
    [InlineData(500, "Kestrel", "Answer OPTIONS with 204 No Content (or 200) and the CORS headers; the server answered 500.", "")]
    public void TheFix_SaysWhatTheStatusMeans_ThenNamesTheServerTheResponseNames(int status, string server, string first, string serverAdvice)
    {
        var remedy = new HandBuiltEvidence { Status = status, Lines = [("Server", server)] }.Run(PreflightStatusRule.Apply).Single().Remedy!;

        remedy.Should().StartWith(first);
        if (serverAdvice.Length > 0)
        {
            remedy.Should().Contain(serverAdvice);
        }
    }

    [Theory]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(401)]
    public void WithoutAServerHeader_TheFixNamesNoServer(int status)
    {
        var remedy = new HandBuiltEvidence { Status = status, Lines = [] }.Run(PreflightStatusRule.Apply).Single().Remedy!;

        remedy.Should().NotContainAny("ASP.NET", "nginx", "Apache", "Caddy", "Express", "UseCors");
    }

    [Fact]
    public void Nginxs405_GetsNoAspNetCoreAdvice() =>
        new HandBuiltEvidence { Status = 405, Lines = [("Server", "nginx")] }.Run(PreflightStatusRule.Apply).Single().Remedy
            .Should().NotContain("ASP.NET").And.NotContain("UseCors");

    [Fact]
    public void A204_RaisesNothing() =>
        new HandBuiltEvidence().Run(PreflightStatusRule.Apply).Should().BeEmpty();
}

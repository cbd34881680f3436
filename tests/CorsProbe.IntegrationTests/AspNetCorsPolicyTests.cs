using CorsProbing.Testing;

namespace CorsProbing.IntegrationTests;

/// <summary>CorsProbe against ASP.NET Core's CORS middleware on a real Kestrel: verdicts match what each policy grants.</summary>
public class AspNetCorsPolicyTests(AspNetCorsServer server) : IClassFixture<AspNetCorsServer>
{
    private Task<CorsReport> Probe(string policy, Func<CorsProbeBuilder, CorsProbeBuilder> configure, string origin = AspNetCorsServer.Galxe) =>
        configure(CorsProbe.For(server.Url("/" + policy)).WithOrigin(origin).AllowLoopback()).ProbeAsync(TestContext.Current.CancellationToken);

    [Theory]
    // policy, origin, method, headers, credentials, expected browser verdict, every error (a disallowed origin gets no CORS headers at all)
    [InlineData("any", AspNetCorsServer.Galxe, "PUT", "Content-Type", false, CorsVerdict.Allowed, "")]
    [InlineData("any", AspNetCorsServer.Other, "DELETE", "Authorization,X-Custom", false, CorsVerdict.Allowed, "")]
    [InlineData("any", AspNetCorsServer.Galxe, "PUT", "", true, CorsVerdict.Denied, "CORS008,CORS009")]
    [InlineData("designated", AspNetCorsServer.Galxe, "POST", "Content-Type", false, CorsVerdict.Allowed, "")]
    [InlineData("designated", AspNetCorsServer.Galxe, "PUT", "", false, CorsVerdict.Denied, "CORS011")]
    [InlineData("designated", AspNetCorsServer.Galxe, "POST", "Authorization", false, CorsVerdict.Denied, "CORS013")]
    [InlineData("designated", AspNetCorsServer.Other, "POST", "Content-Type", false, CorsVerdict.Denied, "CORS005,CORS013")]
    [InlineData("other-origin", AspNetCorsServer.Galxe, "PUT", "", false, CorsVerdict.Denied, "CORS005,CORS011")]
    [InlineData("other-origin", AspNetCorsServer.Other, "PUT", "", false, CorsVerdict.Allowed, "")]
    [InlineData("credentials", AspNetCorsServer.Galxe, "PUT", "Authorization", true, CorsVerdict.Allowed, "")]
    [InlineData("credentials", AspNetCorsServer.Other, "PUT", "", true, CorsVerdict.Denied, "CORS005,CORS009,CORS011")]
    [InlineData("methods", AspNetCorsServer.Galxe, "PUT", "", false, CorsVerdict.Allowed, "")]
    [InlineData("methods", AspNetCorsServer.Galxe, "DELETE", "", false, CorsVerdict.Denied, "CORS011")]
    [InlineData("methods", AspNetCorsServer.Galxe, "put", "", false, CorsVerdict.Allowed, "")]
    [InlineData("headers", AspNetCorsServer.Galxe, "POST", "X-Api-Key", false, CorsVerdict.Allowed, "")]
    [InlineData("headers", AspNetCorsServer.Galxe, "POST", "X-Api-Key,Content-Type", false, CorsVerdict.Denied, "CORS013")]
    [InlineData("max-age", AspNetCorsServer.Galxe, "PUT", "", false, CorsVerdict.Allowed, "")]
    [InlineData("max-age", AspNetCorsServer.Galxe, "PATCH", "", false, CorsVerdict.Denied, "CORS011")]
    public async Task BrowserVerdict_MatchesWhatThePolicyGrants(
        string policy, string origin, string method, string headers, bool credentials, CorsVerdict expected, string errorCodes)
    {
        var report = await Probe(policy, b =>
        {
            b = b.RequireMethods(method).WithCredentials(credentials);
            return headers.Length == 0 ? b : b.RequireHeaders(headers.Split(','));
        }, origin);

        report.Verdict.Should().Be(expected, report.ToString());
        report.Findings.Where(f => f.Severity == CorsSeverity.Error).Select(f => f.Code)
            .Should().Equal(errorCodes.Length == 0 ? [] : errorCodes.Split(','), report.ToString());
    }

    [Fact]
    public async Task MaxAgePolicy_IsReadAsTenMinutes_WithoutACacheFinding()
    {
        var report = await Probe("max-age", b => b.RequireMethods("PUT"));

        report.Preflights.Single().ResponseHeaders.Should().Contain(new KeyValuePair<string, string>("Access-Control-Max-Age", "600"));
        report.Findings.Should().NotContain(f => f.Code == "CORS104");
    }

    [Fact]
    public async Task DesignatedPolicy_ListsGetAndPost_SoGalxeAccepts()
    {
        var report = await Probe("designated", b => b.RequireMethods("GET", "POST").AlsoJudgeBy(CorsProfile.Galxe));

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Denied, "the server runs on a random port, not 80/443");
        report.Findings.Where(f => f.SeverityUnder(CorsProfile.Galxe) == CorsSeverity.Error).Select(f => f.Code).Should().Equal("CORS015");
    }

    [Fact]
    public async Task TheActualRequestsHeaders_AreAnnouncedAsTheMiddlewareExpects()
    {
        var report = await Probe("headers", b => b.RequireMethods("POST").RequireHeaders("X-Api-Key"));

        report.Preflights.Single().RequestHeader("Access-Control-Request-Headers").Should().Be("x-api-key");
        report.Preflights.Single().ResponseHeaders.Should().Contain(h => h.Key == "Access-Control-Allow-Headers");
    }
}

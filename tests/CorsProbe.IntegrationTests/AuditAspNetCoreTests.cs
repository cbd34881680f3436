using CorsProbing.IntegrationTests.Support;

namespace CorsProbing.IntegrationTests;

/// <summary>
/// The audit against ASP.NET Core's CORS middleware on a real Kestrel: each misconfigured policy yields exactly the
/// expected security findings, the correct ones none.
/// </summary>
public class AuditAspNetCoreTests(MisconfiguredAspNetServer server) : IClassFixture<MisconfiguredAspNetServer>
{
    [Theory]
    [InlineData("/reflect-credentials", "CORS202 Critical, CORS211 Low")]   // SetIsOriginAllowed(_ => true) + AllowCredentials
    [InlineData("/null", "CORS203 Medium")]                                // WithOrigins(dashboard, "null")
    [InlineData("/subdomains", "CORS207 Low")]                             // https://*.galxe.com with wildcard subdomains
    [InlineData("/exact", "")]                                             // WithOrigins(dashboard) + credentials
    [InlineData("/any", "")]                                               // AllowAnyOrigin: `*`, no credentials
    public async Task EachPolicy_YieldsExactlyItsFindings(string path, string expected)
    {
        var report = await CorsProbe.For(server.BaseUrl + path).WithOrigin(MisconfiguredAspNetServer.Galxe).AllowLoopback()
            .RequireMethods("PUT").RequireHeaders("Content-Type").Audit().ProbeAsync(TestContext.Current.CancellationToken);

        report.IsAudited.Should().BeTrue(report.ToString());
        string.Join(", ", report.SecurityFindings.Select(f => $"{f.Code} {f.Risk}").Order(StringComparer.Ordinal))
            .Should().Be(expected, report.ToString());
    }

    [Fact]
    public async Task AllowAnyOrigin_IsANote()
    {
        var report = await CorsProbe.For(server.BaseUrl + "/any").WithOrigin(MisconfiguredAspNetServer.Galxe).AllowLoopback()
            .RequireMethods("PUT").Audit().ProbeAsync(TestContext.Current.CancellationToken);

        report.Findings.Should().Contain(f => f.Code == "CORS106" && f.Severity == CorsSeverity.Info);
    }

    [Fact]
    public async Task RejectOrigins_FailsAnApiTeamsTest_WhenThePolicyReflectsEverything()
    {
        var report = await CorsProbe.For(server.BaseUrl + "/reflect-credentials").WithOrigin(MisconfiguredAspNetServer.Galxe).AllowLoopback()
            .RequireMethods("PUT").RejectOrigins("https://evil.example").ProbeAsync(TestContext.Current.CancellationToken);

        FluentActions.Invoking(() => report.EnsureAllowed()).Should().Throw<CorsProbeException>().WithMessage("*CORS017*https://evil.example*");
    }

    [Fact]
    public async Task RejectOrigins_PassesForAnExactAllowList()
    {
        var report = await CorsProbe.For(server.BaseUrl + "/exact").WithOrigin(MisconfiguredAspNetServer.Galxe).AllowLoopback()
            .RequireMethods("PUT").RequireHeaders("Content-Type").WithCredentials().RejectOrigins("https://evil.example", "null")
            .ProbeAsync(TestContext.Current.CancellationToken);

        report.EnsureAllowed().Findings.Should().NotContain(f => f.Code == "CORS017");
    }
}

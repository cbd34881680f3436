using System.Net;

namespace CorsProbing.Tests.Reporting;

public class ProfileTests
{
    [Fact]
    public async Task MissingAllowHeaders_PassesGalxe_FailsBrowsers_AndExplainsWhy()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", "*").With("Access-Control-Allow-Methods", "GET, POST");

        var report = await CorsProbe.ForGalxe(Probe.Url).UsingHandler(server).RequireMethods("POST").RequireHeaders("Content-Type").RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Allowed);
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        var difference = report.Findings.Single(f => f.Code == "CORS105");
        difference.Message.Should().Contain("Test button passes, but saving fails").And.Contain("CORS013");
    }

    [Fact]
    public async Task UnlistedGet_PassesBrowsers_FailsGalxe_AndExplainsWhy()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", "*").With("Access-Control-Allow-Methods", "POST");

        var report = await Probe.Through(server).RequireMethods("GET", "POST").AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Allowed);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Denied);
        report.Findings.Single(f => f.Code == "CORS105").Message.Should().Contain("Test button fails").And.Contain("CORS014");
    }

    [Fact]
    public async Task AgreeingProfiles_AddNoDifferenceFinding()
    {
        var report = await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).RequireMethods("GET", "POST").RunAsync();

        report.Codes().Should().NotContain("CORS105");
    }

    [Fact]
    public async Task ASimpleGetWithoutOptionsHandling_PassesBrowsers_FailsGalxe()
    {
        var server = new StubCorsServer(HttpStatusCode.MethodNotAllowed).With("Access-Control-Allow-Origin", "*");

        var report = await Probe.Through(server).AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed, "browsers send no preflight for a simple GET");
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Denied);
        report.Findings.Single(f => f.Code == "CORS003").Severity.Should().Be(CorsSeverity.Info);
        report.Findings.Single(f => f.Code == "CORS003").Message.Should().Contain("does not block browsers");
    }

    [Fact]
    public async Task ASimpleGetWithoutAllowOrigin_FailsBoth()
    {
        var server = new StubCorsServer(HttpStatusCode.MethodNotAllowed);

        var report = await Probe.Through(server).AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Denied);
    }

    [Fact]
    public async Task Findings_FollowTheReportsProfile()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", "*").With("Access-Control-Allow-Methods", "POST");

        var browser = await Probe.Through(server).RunAsync();
        var galxe = await Probe.Through(server).UsingProfile(CorsProfile.Galxe).RunAsync();

        browser.Findings.Single(f => f.Code == "CORS014").Severity.Should().Be(CorsSeverity.Info);
        galxe.Findings.Single(f => f.Code == "CORS014").Severity.Should().Be(CorsSeverity.Error);
        galxe.Findings[0].Code.Should().Be("CORS014", "errors come first");
    }

    [Fact]
    public async Task Findings_ListErrorsInBrowserOrder_ThenWarnings_ThenNotes()
    {
        var server = new Audit.OriginPolicyServer(origin => origin == Probe.Origin) { Status = HttpStatusCode.NotFound, VaryOrigin = false };

        var report = await Probe.Through(server).RequireMethods("DELETE").RequireHeaders("X-A").RejectOrigins("https://evil.example").RunAsync();

        report.Codes().Should().Equal("CORS003", "CORS011", "CORS013", "CORS103");
        report.Findings.Select(f => f.Severity).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task TheGalxeProfile_TimesOutAfterFiveSecondsByDefault()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var hanging = new HangingHandler(() => clock.Advance(TimeSpan.FromSeconds(5.5)));

        var report = await CorsProbe.ForGalxe(Probe.Url).UsingHandler(hanging).UsingTimeProvider(clock).RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings[0].Code.Should().Be("CORS002");
        report.Findings[0].Message.Should().Contain("within 5 s");
    }

    [Fact]
    public async Task TheBrowserProfile_WaitsTenSecondsByDefault()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var hanging = new HangingHandler(() => clock.Advance(TimeSpan.FromSeconds(10.5)));

        var report = await Probe.Through(hanging).UsingTimeProvider(clock).RunAsync();

        report.Findings[0].Message.Should().Contain("within 10 s");
    }

    [Fact]
    public async Task TheGalxeProfile_CountsAWildcardAsListing()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", "*").With("Access-Control-Allow-Methods", "*");

        var report = await CorsProbe.ForGalxe(Probe.Url).UsingHandler(server).RequireMethods("GET", "POST").RunAsync();

        report.IsAllowed.Should().BeTrue(report.ToString());
        report.Findings.Should().NotContain(f => f.Code == CorsFindingCodes.MethodNotListed, "`*` lists every method for a request without credentials");
    }
}

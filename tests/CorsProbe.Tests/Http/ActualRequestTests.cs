using System.Net;

namespace CorsProbing.Tests.Http;

/// <summary>
/// Browsers judge the actual response: for a GET or HEAD CorsProbe sends the actual request too, when a browser would
/// (no preflight, or a passing one), and judges it for the Browser profile, the OPTIONS answer for Galxe.
/// </summary>
public class ActualRequestTests
{
    // nginx's add_header without `always`: a bare 405 to OPTIONS, the header on the GET's 200.
    private static StubCorsServer OptionsBareGetAllowed() => new()
    {
        StatusFor = r => r.Method == HttpMethod.Options ? HttpStatusCode.MethodNotAllowed : HttpStatusCode.OK,
        LinesFor = r => r.Method == HttpMethod.Options ? [] : [("Access-Control-Allow-Origin", Probe.Origin), ("Vary", "Origin")],
    };

    [Fact]
    public async Task ASimpleGet_SendsTheActualGet_WithOriginAndWithoutPreflightHeaders()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        await Probe.Through(server).RequireMethods("GET").RunAsync();

        var actual = server.ActualRequests.Should().ContainSingle().Subject;
        actual.Method.Should().Be(HttpMethod.Get);
        actual.Header("Origin").Should().Be(Probe.Origin);
        actual.Header("Access-Control-Request-Method").Should().BeNull();
        actual.Header("Cookie").Should().BeNull();
        actual.Content.Should().BeNull();
    }

    [Fact]
    public async Task ASimpleHead_SendsAHead()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "HEAD");

        await Probe.Through(server).RequireMethods("HEAD").RunAsync();

        server.ActualRequests.Should().ContainSingle().Which.Method.Should().Be(HttpMethod.Head);
    }

    [Fact]
    public async Task TheActualGet_CarriesThePagesSafelistedHeaders()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        await Probe.Through(server).RequireMethods("GET").RequireHeader("Accept-Language", "en-US").RunAsync();

        server.ActualRequests.Single().Header("Accept-Language").Should().Be("en-US");
    }

    [Fact]
    public async Task WhenOnlyTheActualResponseAllows_BrowsersPass_AndTheGalxeCheckFails()
    {
        var report = await Probe.Through(OptionsBareGetAllowed()).RequireMethods("GET").AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Denied);
        var missingOnOptions = report.Findings.Single(f => f.Code == "CORS005");
        missingOnOptions.Message.Should().StartWith("On the OPTIONS response:");
        missingOnOptions.SeverityUnder(CorsProfile.Browser).Should().Be(CorsSeverity.Info);
        missingOnOptions.SeverityUnder(CorsProfile.Galxe).Should().Be(CorsSeverity.Error);
    }

    [Fact]
    public async Task WhenOnlyTheOptionsResponseAllows_BrowsersAreBlocked_AndTheFindingNamesTheActualResponse()
    {
        var server = new StubCorsServer
        {
            LinesFor = r => r.Method == HttpMethod.Options ? [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "GET")] : [],
        };

        var report = await Probe.Through(server).RequireMethods("GET").AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Allowed);
        var finding = report.Findings.Single(f => f.Code == "CORS005");
        finding.Message.Should().StartWith("On the actual GET response:").And.Contain("actual GET response has no Access-Control-Allow-Origin");
        finding.SeverityUnder(CorsProfile.Galxe).Should().Be(CorsSeverity.Info);
    }

    [Fact]
    public async Task TheReport_KeepsTheActualExchange()
    {
        var report = await Probe.Through(OptionsBareGetAllowed()).RequireMethods("GET").RunAsync();

        var actual = report.Preflights.Single().ActualRequest;
        actual.Should().NotBeNull();
        actual!.StatusCode.Should().Be(200);
        actual.RequestHeader("Origin").Should().Be(Probe.Origin);
        actual.ResponseHeaders.Should().Contain(new KeyValuePair<string, string>("Access-Control-Allow-Origin", Probe.Origin));
    }

    [Fact]
    public async Task TheReportText_ShowsTheActualExchange()
    {
        var report = await Probe.Through(OptionsBareGetAllowed()).RequireMethods("GET").RunAsync();

        report.ToString().Should().Contain("GET (the actual request, as browsers send it) -> 200 OK");
    }

    [Fact]
    public async Task ASimplePost_IsNeverSent_AStandInGetIsJudgedInstead()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        var report = await Probe.Through(server).RequireMethods("POST").RunAsync();

        server.ActualRequests.Should().ContainSingle().Which.Method.Should().Be(HttpMethod.Get);
        report.Preflights.Single().ActualRequest!.Kind.Should().Be(ExchangeKind.StandIn);
        report.Findings.Single(f => f.Code == "CORS102").Message.Should().Contain("never sends a POST").And.Contain("stand-in GET");
    }

    [Fact]
    public async Task APreflightedGet_SendsTheActualGetAfterThePreflightPasses_WithTheHeaderValuesGiven()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        var report = await Probe.Through(server).RequireMethods("GET").RequireHeader("Authorization", "Bearer t").RunAsync();

        var actual = server.ActualRequests.Should().ContainSingle().Subject;
        actual.Method.Should().Be(HttpMethod.Get);
        actual.Header("Authorization").Should().Be("Bearer t");
        report.Preflights.Single().Evidence.Should().Be(CorsEvidence.Preflight | CorsEvidence.ActualResponse);
    }

    [Fact]
    public async Task APreflightBrowsersFail_IsFollowedByNothing()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "Content-Type");

        var report = await Probe.Through(server).RequireMethods("GET").RequireHeaders("X-Api-Key").RunAsync();

        server.ActualRequests.Should().BeEmpty();
        report.Preflights.Single().ActualRequest.Should().BeNull();
        report.Preflights.Single().Evidence.Should().Be(CorsEvidence.Preflight);
    }

    [Fact]
    public async Task WhenTheActualGetGetsNoResponse_BrowsersCallFails_AndTheFailureIsNamed()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);
        var failing = new FailingActualHandler(server);

        var report = await Probe.Through(failing).RequireMethods("GET").AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Unreachable);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Allowed, "the platform reads only the OPTIONS answer");
        var finding = report.Findings.Single(f => f.Code == "CORS001");
        finding.Message.Should().Contain("actual GET").And.Contain("connection reset");
        finding.SeverityUnder(CorsProfile.Galxe).Should().Be(CorsSeverity.Info);
        report.Preflights.Single().ActualRequest!.Error.Should().Contain("connection reset");
        report.Preflights.Single().Evidence.Should().Be(CorsEvidence.None);
    }

    private sealed class FailingActualHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.Method == HttpMethod.Options
                ? base.SendAsync(request, cancellationToken)
                : Task.FromException<HttpResponseMessage>(new HttpRequestException("connection reset"));
    }
}

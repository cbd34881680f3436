using System.Net;

namespace CorsProbing.Tests.Http;

/// <summary>
/// For a method CorsProbe never sends (POST, PUT, PATCH, DELETE), a stand-in GET of the same URL shows the CORS headers
/// the server adds to its responses: what it reveals decides the Browser verdict as docs/cors-rules.md explains.
/// </summary>
public class StandInTests
{
    // The preflight is answered (by a proxy, or the CORS middleware); the GET gets whatever `get` gives.
    private static StubCorsServer PreflightPassesThen(HttpStatusCode status, params (string Name, string Value)[] get) => new()
    {
        StatusFor = r => r.Method == HttpMethod.Options ? HttpStatusCode.NoContent : status,
        LinesFor = r => r.Method == HttpMethod.Options
            ? [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE"), ("Access-Control-Allow-Headers", "Content-Type, X-Api-Key"), ("Vary", "Origin")]
            : get,
    };

    [Fact]
    public async Task APut_SendsAStandInGet_WithTheOriginAndNoPageHeaders()
    {
        var server = PreflightPassesThen(HttpStatusCode.OK, ("Access-Control-Allow-Origin", Probe.Origin), ("Vary", "Origin"));

        var report = await Probe.Through(server).RequireMethods("PUT").RequireHeader("X-Api-Key", "k").RunAsync();

        var standIn = server.ActualRequests.Should().ContainSingle().Subject;
        standIn.Method.Should().Be(HttpMethod.Get);
        standIn.Header("Origin").Should().Be(Probe.Origin);
        standIn.Header("X-Api-Key").Should().BeNull("the page's headers belong to the PUT");
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        var exchange = report.Preflights.Single();
        exchange.ActualRequest!.Kind.Should().Be(ExchangeKind.StandIn);
        exchange.ActualRequest.Method.Should().Be("GET");
        exchange.Evidence.Should().Be(CorsEvidence.Preflight | CorsEvidence.StandIn);
    }

    [Fact]
    public async Task TwoAllowOriginValuesOnTheStandIn_DenyBrowsers_SayingItIsStandInEvidence()
    {
        // A proxy and the application both add the header to every response: the actual PUT's response gets two.
        var server = PreflightPassesThen(HttpStatusCode.OK, ("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Origin", Probe.Origin));

        var report = await Probe.Through(server).RequireMethods("PUT").AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Allowed);
        var finding = report.Findings.Single(f => f.Code == "CORS006");
        finding.Message.Should().StartWith("On a stand-in GET (CorsProbe never sends PUT").And.Contain("not certain");
        finding.SeverityUnder(CorsProfile.Galxe).Should().Be(CorsSeverity.Info);
    }

    [Fact]
    public async Task AnotherGrantOnTheStandIn_DeniesBrowsers()
    {
        var server = PreflightPassesThen(HttpStatusCode.OK, ("Access-Control-Allow-Origin", "https://app.partner.example"));

        var report = await Probe.Through(server).RequireMethods("DELETE").RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.Findings.Single(f => f.Code == "CORS007").Message.Should().Contain("stand-in GET");
    }

    [Fact]
    public async Task ACredentialedStandInWithoutAllowCredentials_DeniesBrowsers()
    {
        var server = new StubCorsServer
        {
            LinesFor = r => r.Method == HttpMethod.Options
                ? [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Credentials", "true"), ("Vary", "Origin")]
                : [("Access-Control-Allow-Origin", Probe.Origin), ("Vary", "Origin")],
        };

        var report = await Probe.Through(server).RequireMethods("PUT").WithCredentials().RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.Findings.Single(f => f.Code == "CORS009").Message.Should().Contain("stand-in GET");
    }

    [Fact]
    public async Task A2xxStandInWithoutAGrant_AfterAPreflightThatGrants_IsInconclusive()
    {
        // A proxy that answers OPTIONS alone, or a GET route registered before the CORS middleware: the GET cannot tell.
        var report = await Probe.Through(PreflightPassesThen(HttpStatusCode.OK)).RequireMethods("PUT").RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Inconclusive);
        var finding = report.Findings.Single(f => f.Code == CorsFindingCodes.StandInInconclusive);
        finding.SeverityUnder(CorsProfile.Browser).Should().Be(CorsSeverity.Error);
        finding.Message.Should().Contain("the GET route answers without the CORS layer that answered OPTIONS");
        report.Codes().Should().NotContain(CorsFindingCodes.AllowOriginMissing);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.MethodNotAllowed)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task A4xxStandInWithoutAGrant_IsAWarning_WhenThePreflightGrantsTheOrigin(HttpStatusCode status)
    {
        // The GET hits no route: that says nothing about the PUT route's own responses.
        var report = await Probe.Through(PreflightPassesThen(status)).RequireMethods("PUT").RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        var finding = report.Findings.Single(f => f.Code == "CORS005");
        finding.SeverityUnder(CorsProfile.Browser).Should().Be(CorsSeverity.Warning);
        finding.Message.Should().Contain($"HTTP {(int)status}").And.Contain("error response");
    }

    [Fact]
    public async Task A5xxStandInWithoutAGrant_DeniesBrowsers()
    {
        // The URL fails for GET, and its error responses carry no grant: the actual request is likely to fail alike.
        var report = await Probe.Through(PreflightPassesThen(HttpStatusCode.InternalServerError)).RequireMethods("PUT").RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.Findings.Single(f => f.Code == "CORS005").SeverityUnder(CorsProfile.Browser).Should().Be(CorsSeverity.Error);
    }

    [Fact]
    public async Task ASimplePost_IsJudgedOnTheStandIn_NotOnTheOptionsAnswer()
    {
        // A framework's automatic OPTIONS answer without CORS headers; the CORS middleware covers the other methods.
        var server = new StubCorsServer
        {
            StatusFor = _ => HttpStatusCode.OK,
            LinesFor = r => r.Method == HttpMethod.Options ? [("Allow", "GET, HEAD, POST")] : [("Access-Control-Allow-Origin", "*")],
        };

        var report = await Probe.Through(server).RequireMethods("POST").RequireHeader("Content-Type", "text/plain").AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Denied, "the platform sends the OPTIONS request and judges it");
        report.Findings.Single(f => f.Code == "CORS005").SeverityUnder(CorsProfile.Browser).Should().Be(CorsSeverity.Info);
        report.Preflights.Single().Evidence.Should().Be(CorsEvidence.StandIn);
        server.ActualRequests.Should().OnlyContain(r => r.Method == HttpMethod.Get);
    }

    [Fact]
    public async Task ASimplePost_WithNoGrantAnywhere_AndAStandInThatFoundNoRoute_IsInconclusive()
    {
        var server = new StubCorsServer { StatusFor = r => r.Method == HttpMethod.Options ? HttpStatusCode.OK : HttpStatusCode.NotFound };

        var report = await Probe.Through(server).RequireMethods("POST").RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Inconclusive);
        report.Findings.Should().Contain(f => f.Code == CorsFindingCodes.StandInInconclusive && f.SeverityUnder(CorsProfile.Browser) == CorsSeverity.Error);
    }

    [Fact]
    public async Task ASimplePost_WithNoGrantAnywhere_AndAStandInThatAnswers_IsDenied()
    {
        var server = new StubCorsServer { StatusFor = r => r.Method == HttpMethod.Options ? HttpStatusCode.OK : HttpStatusCode.OK };

        var report = await Probe.Through(server).RequireMethods("POST").RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.Findings.Where(f => f.Code == "CORS005").Should().Contain(f => f.Message.Contains("stand-in GET") && f.SeverityUnder(CorsProfile.Browser) == CorsSeverity.Error);
    }

    [Fact]
    public async Task AStandInThatGetsNoResponse_IsAFailedCall_NotAllowed()
    {
        var server = new DropsGets(PreflightPassesThen(HttpStatusCode.OK));

        var report = await Probe.Through(server).RequireMethods("PUT").AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Unreachable);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Allowed, "the platform reads only the OPTIONS answer");
        var finding = report.Findings.Single(f => f.Code == "CORS001");
        finding.Severity.Should().Be(CorsSeverity.Error);
        finding.Message.Should().Contain("stand-in GET for PUT got no response");
        report.Preflights.Single().Evidence.Should().Be(CorsEvidence.Preflight);
    }

    [Fact]
    public async Task TheReportText_SaysWhatTheBrowserVerdictRestsOn()
    {
        var report = await Probe.Through(PreflightPassesThen(HttpStatusCode.OK, ("Access-Control-Allow-Origin", Probe.Origin), ("Vary", "Origin"))).RequireMethods("PUT").RunAsync();

        var text = report.ToString();
        text.Should().Contain("GET (stand-in for PUT, which CorsProbe never sends) -> 200 OK");
        text.Should().Contain("Browser verdict for PUT rests on: the preflight and a stand-in GET (likely, not certain)");
    }

    private sealed class DropsGets(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.Method == HttpMethod.Options
                ? base.SendAsync(request, cancellationToken)
                : Task.FromException<HttpResponseMessage>(new HttpRequestException("connection reset"));
    }
}

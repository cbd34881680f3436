using System.Net;

namespace CorsProbing.Tests.Evaluation;

/// <summary>
/// CORS021 and <see cref="CorsVerdict.Inconclusive"/>: a request browsers send without a preflight, an OPTIONS answer
/// that grants nothing, and a stand-in GET refused in a way that speaks only of the GET — nothing browsers would see
/// decides it. Every other stand-in outcome keeps its verdict.
/// </summary>
public class InconclusiveTests
{
    // A server that answers every request with status, and the given headers on GET (the stand-in) only.
    private static StubCorsServer Answering(HttpStatusCode status, params (string Name, string Value)[] onGet) => new(status)
    {
        LinesFor = request => request.Method == HttpMethod.Get ? onGet : [],
    };

    [Theory]
    [InlineData(HttpStatusCode.MethodNotAllowed, "does not serve GET")]
    [InlineData(HttpStatusCode.NotFound, "has no GET route")]
    [InlineData(HttpStatusCode.NotImplemented, "does not serve GET")]
    public async Task A_simple_POST_whose_OPTIONS_grants_nothing_and_whose_stand_in_is_refused_is_inconclusive(HttpStatusCode status, string why)
    {
        var report = await Probe.Through(Answering(status)).RequireMethods("POST").RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Inconclusive, report.ToString());
        report.VerdictFor(CorsProfile.Chromium).Should().Be(CorsVerdict.Inconclusive);
        report.IsAllowed.Should().BeFalse();
        var finding = report.Errors().Should().ContainSingle().Subject;
        finding.Code.Should().Be(CorsFindingCodes.StandInInconclusive);
        finding.Method.Should().Be("POST");
        finding.Message.Should().Contain($"the stand-in GET got HTTP {(int)status} without Access-Control-Allow-Origin: the URL {why}")
            .And.Contain("Nothing browsers would see decides this call");
        finding.Remedy.Should().StartWith("Settle it with the actual request: call SendActualRequests() on the builder")
            .And.Contain($"curl -i -X POST -H 'Origin: {Probe.Origin}' '{Probe.Url}'");
    }

    [Fact]
    public async Task EnsureAllowed_refuses_an_inconclusive_report_saying_what_would_settle_it()
    {
        var report = await Probe.Through(Answering(HttpStatusCode.MethodNotAllowed)).RequireMethods("POST").RunAsync();

        var act = () => report.EnsureAllowed();

        act.Should().Throw<CorsProbeException>().Which.Message.Should().Contain(CorsFindingCodes.StandInInconclusive).And.Contain("curl -i -X POST");
    }

    [Fact]
    public async Task A_GET_refused_for_want_of_the_credentials_the_page_sends_is_inconclusive_and_without_credentials_it_is_denied()
    {
        var withCredentials = await Probe.Through(Answering(HttpStatusCode.Unauthorized)).RequireMethods("POST").WithCredentials().RunAsync();
        var without = await Probe.Through(Answering(HttpStatusCode.Unauthorized)).RequireMethods("POST").RunAsync();

        withCredentials.Verdict.Should().Be(CorsVerdict.Inconclusive, withCredentials.ToString());
        withCredentials.Errors().Single().Message.Should().Contain("without the credentials the page sends");
        without.Verdict.Should().Be(CorsVerdict.Denied, "a 401 to a request that sends no credentials is what the page gets too");
        without.Codes().Should().Contain(CorsFindingCodes.AllowOriginMissing);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, CorsFindingCodes.AllowOriginMissing)]
    [InlineData(HttpStatusCode.InternalServerError, CorsFindingCodes.AllowOriginMissing)]
    public async Task A_stand_in_that_answers_without_a_grant_still_proves_a_denial(HttpStatusCode status, string code)
    {
        var report = await Probe.Through(Answering(status)).RequireMethods("POST").RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Denied);
        report.Errors().Select(f => f.Code).Should().Contain(code).And.NotContain(CorsFindingCodes.StandInInconclusive);
    }

    [Fact]
    public async Task A_stand_in_with_two_grants_proves_a_denial_whatever_its_status()
    {
        var report = await Probe.Through(Answering(HttpStatusCode.MethodNotAllowed, ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Origin", Probe.Origin)))
            .RequireMethods("POST").RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Denied);
        report.Codes().Should().Contain(CorsFindingCodes.AllowOriginMultiple).And.NotContain(CorsFindingCodes.StandInInconclusive);
    }

    [Fact]
    public async Task A_preflighted_method_whose_preflight_grants_nothing_is_denied_as_browsers_stop_there()
    {
        var report = await Probe.Through(Answering(HttpStatusCode.MethodNotAllowed)).RequireMethods("PUT").RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Denied);
        report.Codes().Should().NotContain(CorsFindingCodes.StandInInconclusive);
    }

    [Fact]
    public async Task A_passing_preflight_with_a_mute_stand_in_stays_allowed_with_its_warning()
    {
        var server = new StubCorsServer
        {
            StatusFor = request => request.Method == HttpMethod.Options ? HttpStatusCode.NoContent : HttpStatusCode.MethodNotAllowed,
            LinesFor = request => request.Method == HttpMethod.Options
                ? [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT")]
                : [],
        };

        var report = await Probe.Through(server).RequireMethods("PUT").RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Allowed);
        report.Findings.Should().Contain(f => f.Code == CorsFindingCodes.AllowOriginMissing && f.Severity == CorsSeverity.Warning);
    }

    [Fact]
    public async Task The_platform_profile_which_judges_only_OPTIONS_is_unaffected()
    {
        var report = await Probe.Through(Answering(HttpStatusCode.MethodNotAllowed)).RequireMethods("POST").UsingProfile(CorsProfile.Galxe).RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Denied, "the platform's check fails on the OPTIONS answer");
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Inconclusive);
        report.Findings.Single(f => f.Code == CorsFindingCodes.StandInInconclusive).SeverityUnder(CorsProfile.Galxe).Should().Be(CorsSeverity.Info);
    }

    [Fact]
    public async Task A_method_browsers_certainly_block_decides_over_one_the_stand_in_cannot_tell()
    {
        var report = await Probe.Through(Answering(HttpStatusCode.MethodNotAllowed)).RequireMethods("POST", "DELETE").RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Denied);
        report.Codes().Should().Contain(CorsFindingCodes.StandInInconclusive);
    }

    [Fact]
    public async Task The_verdict_survives_the_JSON_round_trip()
    {
        var report = await Probe.Through(Answering(HttpStatusCode.MethodNotAllowed)).RequireMethods("POST").RunAsync();

        var read = CorsReport.FromJson(report.ToJson());

        read.Verdict.Should().Be(CorsVerdict.Inconclusive);
        read.VerdictFor(CorsProfile.WebKit).Should().Be(CorsVerdict.Inconclusive);
        report.ToJson().Should().Contain("\"verdict\": \"Inconclusive\"");
    }
}

using RichardSzalay.MockHttp;

namespace CorsProbing.Tests.Http;

/// <summary>CorsProbe as an API team uses it with RichardSzalay.MockHttp.</summary>
public class MockHttpTests
{
    [Fact]
    public async Task AMockHttpHandler_DrivesTheProbe()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Options, Probe.Url)
            .WithHeaders("Access-Control-Request-Method", "PUT")
            .Respond(System.Net.HttpStatusCode.NoContent, [
                new("Access-Control-Allow-Origin", Probe.Origin),
                new("Access-Control-Allow-Methods", "PUT"),
                new("Access-Control-Allow-Headers", "content-type"),
                new("Access-Control-Max-Age", "600"),
                new("Vary", "Origin"),
            ], "text/plain", "");
        mock.When(HttpMethod.Get, Probe.Url).Respond(System.Net.HttpStatusCode.OK, [new("Access-Control-Allow-Origin", Probe.Origin), new("Vary", "Origin")], "text/plain", "");

        var report = await Probe.Through(mock).RequireMethods("PUT").RequireHeaders("Content-Type").RunAsync();

        report.EnsureAllowed();
        report.Findings.Should().BeEmpty();
    }

    [Fact]
    public async Task ThroughAMock_TheReportSaysTheRawBytesWereNotAvailable()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(Probe.Url).Respond(System.Net.HttpStatusCode.OK, [new("Access-Control-Allow-Origin", "*")], "text/plain", "");

        var report = await Probe.Through(mock).RequireMethods("GET").RunAsync();

        report.Preflights[0].RawBytesRead.Should().BeFalse();
        report.Preflights[0].ActualRequest!.RawBytesRead.Should().BeFalse();
        report.ToString().Should().Contain("Browser verdict for GET rests on: the actual response; headers as the supplied handler parsed them (raw bytes not available: a NUL byte or two different Content-Length values would go unseen)");
    }

    [Fact]
    public async Task AMockThatAnswersOnlyOptions_SaysTheStandInGetWasNotAnswered_AndIsNotAllowed()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Options, Probe.Url).Respond(System.Net.HttpStatusCode.NoContent, [
            new("Access-Control-Allow-Origin", Probe.Origin),
            new("Access-Control-Allow-Methods", "PUT"),
            new("Vary", "Origin"),
        ], "text/plain", "");

        var report = await Probe.Through(mock).RequireMethods("PUT").RunAsync();

        report.IsAllowed.Should().BeFalse();
        var finding = report.Findings.Should().ContainSingle(f => f.Severity == CorsSeverity.Error).Which;
        finding.Message.Should().StartWith("The handler you supplied did not answer the stand-in GET for PUT (GET https://api.example.com/quests;")
            .And.Contain("it threw MockHttpMatchException (Failed to match a mocked request for GET");
        finding.Remedy.Should().Be(
            "Make your handler answer GET https://api.example.com/quests as the server would (with MockHttp: mock.When(HttpMethod.Get, url).Respond(...)), or call WithoutActualRequests() to send only OPTIONS.");
    }

    [Fact]
    public async Task AMockThatAnswersOnlyOptions_IsAllowed_OnceTheProbeSendsOnlyOptions()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Options, Probe.Url).Respond(System.Net.HttpStatusCode.NoContent, [
            new("Access-Control-Allow-Origin", Probe.Origin),
            new("Access-Control-Allow-Methods", "PUT"),
        ], "text/plain", "");

        var report = await Probe.Through(mock).RequireMethods("PUT").WithoutActualRequests().RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Allowed, "the remedy's second way works");
    }

    [Fact]
    public async Task AnUnmatchedMockHttpRequest_IsUnreachable_WithTheMocksMessage_NotAnException()
    {
        using var mock = new MockHttpMessageHandler();

        var report = await Probe.Through(mock).RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings[0].Message.Should().Be(
            "The handler you supplied did not answer the preflight (OPTIONS https://api.example.com/quests): it threw MockHttpMatchException (Failed to match a mocked request for OPTIONS https://api.example.com/quests).");
        report.Findings[0].Remedy.Should().Contain("Make your handler answer OPTIONS https://api.example.com/quests");
    }
}

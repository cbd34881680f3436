using System.Net;

namespace CorsProbing.Tests.Reporting;

public class ReportTextTests
{
    private static Task<CorsReport> Denied() =>
        Probe.Through(StubCorsServer.Allowing(Probe.Origin, methods: "GET, POST")).RequireMethods("PUT").RunAsync();

    [Fact]
    public async Task ToString_StatesTheVerdictsFindingsExchangesAndCurl()
    {
        var text = (await Denied()).ToString();

        text.Should().StartWith("CORS DENIED: https://api.example.com/quests from origin https://dashboard.galxe.com (Browser profile)");
        text.Should().Contain($"  Browser: Denied{Environment.NewLine}");
        text.Should().Contain("CORS011 Error [PUT] Method not allowed");
        text.Should().Contain("`Access-Control-Allow-Methods: GET, POST` does not list `PUT`");
        text.Should().Contain("Fix: Add `PUT`");
        text.Should().Contain("OPTIONS for PUT -> 204 No Content");
        text.Should().Contain("Access-Control-Allow-Methods: GET, POST");
        text.Should().Contain("curl -i -X OPTIONS");
    }

    [Fact]
    public async Task EnsureAllowed_ThrowsWithTheWholeExplanation()
    {
        var report = await Denied();

        var exception = FluentActions.Invoking(report.EnsureAllowed).Should().Throw<CorsProbeException>().Which;

        exception.Message.Should().Be(report.ToString());
        exception.Report.Should().BeSameAs(report);
    }

    [Fact]
    public async Task EnsureAllowed_ReturnsTheReport_WhenAllowed()
    {
        var report = await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).RunAsync();

        report.EnsureAllowed().Should().BeSameAs(report);
    }

    [Fact]
    public async Task ToString_MakesControlCharactersInServerValuesVisible()
    {
        var server = new StubCorsServer(HttpStatusCode.OK).With("Access-Control-Allow-Origin", "https://evil.example\u001b[31m");

        var text = (await Probe.Through(server).RunAsync()).ToString();

        text.Should().Contain("\\x1B[31m").And.NotContain("\u001b");
    }

    [Fact]
    public async Task CorsFinding_ToString_IsOneLine()
    {
        var finding = (await Denied()).Findings.First();

        finding.ToString().Should().StartWith("CORS011 Error [PUT] Method not allowed: ").And.NotContain("\n");
    }

    [Fact]
    public async Task VerdictFor_RejectsAProfileTheReportDidNotJudge()
    {
        var report = await Denied();

        FluentActions.Invoking(() => report.VerdictFor(new CorsProfile("Other", "another platform")))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*did not judge the Other profile*Browser, Chromium, Firefox, WebKit.*AlsoJudgeBy(...)*");
    }
}

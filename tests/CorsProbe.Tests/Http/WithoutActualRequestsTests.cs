namespace CorsProbing.Tests.Http;

/// <summary><c>WithoutActualRequests()</c>: only OPTIONS is sent, and the report names the check that was not made.</summary>
public class WithoutActualRequestsTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task OnlyOptionsIsSent(string method)
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        var report = await Probe.Through(server).RequireMethods(method).WithoutActualRequests().RunAsync();

        server.ActualRequests.Should().BeEmpty();
        report.Preflights.Single().ActualRequest.Should().BeNull();
    }

    [Fact]
    public async Task ForARequestBrowsersDoNotPreflight_TheBrowserVerdictIsUnverified_AWarning()
    {
        var report = await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).RequireMethods("GET").WithoutActualRequests().AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        var finding = report.Findings.Single(f => f.Code == CorsFindingCodes.ActualResponseNotChecked);
        finding.SeverityUnder(CorsProfile.Browser).Should().Be(CorsSeverity.Warning);
        finding.SeverityUnder(CorsProfile.Galxe).Should().Be(CorsSeverity.Info);
        finding.Message.Should().Contain("unverified");
        report.Preflights.Single().Evidence.Should().Be(CorsEvidence.None);
        report.ToString().Should().Contain("rests on: no response that browsers judge (unverified)");
    }

    [Fact]
    public async Task ForAPreflightedRequest_TheSecondCheckIsNamed_AsANote()
    {
        var report = await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).RequireMethods("PUT").WithoutActualRequests().RunAsync();

        var finding = report.Findings.Single(f => f.Code == CorsFindingCodes.ActualResponseNotChecked);
        finding.Severity.Should().Be(CorsSeverity.Info);
        finding.Message.Should().Contain("actual PUT response");
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        report.Preflights.Single().Evidence.Should().Be(CorsEvidence.Preflight);
    }

    [Fact]
    public async Task ThePlatformsVerdict_StaysAsItsOptionsOnlyCheck()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "GET, PUT");

        var withFollowUps = await Probe.Through(server).RequireMethods("PUT").AlsoJudgeBy(CorsProfile.Galxe).RunAsync();
        var optionsOnly = await Probe.Through(server).RequireMethods("PUT").WithoutActualRequests().AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        optionsOnly.VerdictFor(CorsProfile.Galxe).Should().Be(withFollowUps.VerdictFor(CorsProfile.Galxe));
    }

    [Fact]
    public async Task TheAudit_SendsOnlyOptionsToo()
    {
        var server = StubCorsServer.Allowing("*", methods: "GET");

        await Probe.Through(server).RequireMethods("GET").WithoutActualRequests().Audit().RunAsync();

        server.ActualRequests.Should().BeEmpty();
    }
}

namespace CorsProbing.Tests.Audit;

public class RejectOriginsTests
{
    private const string Evil = "https://evil.example";

    [Fact]
    public async Task AnAllowedRejectedOrigin_FailsTheReport()
    {
        var report = await Probe.Through(new OriginPolicyServer(_ => true)).RequireMethods("PUT").RejectOrigins(Evil).AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Denied);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Denied);
        var finding = report.Findings.Should().ContainSingle(f => f.Code == "CORS017").Which;
        finding.Severity.Should().Be(CorsSeverity.Error);
        finding.Message.Should().Contain(Evil);
        FluentActions.Invoking(() => report.EnsureAllowed()).Should().Throw<CorsProbeException>().WithMessage("*CORS017*");
    }

    [Fact]
    public async Task ARejectedOriginTheServerRefuses_LeavesTheVerdictAlone()
    {
        var server = OriginPolicyServer.Exact(Probe.Origin);

        var report = await Probe.Through(server).RequireMethods("PUT").RejectOrigins(Evil, "null").RunAsync();

        report.IsAllowed.Should().BeTrue(report.ToString());
        report.Codes().Should().NotContain("CORS017");
        server.Received.Select(r => r.Headers.GetValues("Origin").Single()).Should().Contain([Evil, "null"]);
        report.IsAudited.Should().BeFalse();
    }

    [Fact]
    public async Task AWildcard_AllowsARejectedOrigin()
    {
        var report = await Probe.Through(new OriginPolicyServer(_ => true) { Wildcard = true }).RequireMethods("PUT").RejectOrigins(Evil).RunAsync();

        report.Codes().Should().Contain("CORS017");
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("https://evil.example/path")]
    [InlineData("https://evil.example\r\nX: y")]
    public void AnInvalidOrigin_IsRefused(string origin) =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).RejectOrigins(origin)).Should().Throw<ArgumentException>().WithParameterName("origins");

    [Fact]
    public void MoreThanSixteen_AreRefused() =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).RejectOrigins([.. Enumerable.Range(0, 17).Select(i => $"https://e{i}.example")]))
            .Should().Throw<ArgumentException>().WithMessage("*16*");

    [Fact]
    public void Null_IsRefused() =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).RejectOrigins(null!)).Should().Throw<ArgumentNullException>();
}

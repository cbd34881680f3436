using CorsProbing.Cli;

namespace CorsProbing.Tests.Reporting;

/// <summary>A fix names what the caller can change where they stand: a builder call, a configuration key, a tool's flag.</summary>
public class SettingNamesTests
{
    private static Task<CorsReport> Refused(string url, Func<CorsProbeBuilder, CorsProbeBuilder>? configure = null)
    {
        var builder = CorsProbe.For(url).WithOrigin(Probe.Origin);
        return (configure?.Invoke(builder) ?? builder).ProbeAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ALoopbackTarget_NamesTheBuilderCall_AndThePolicyThatRefusedIt()
    {
        var finding = (await Refused($"http://127.0.0.1:{Loopback.ClosedPort()}/")).Findings.Single();

        finding.Code.Should().Be(CorsFindingCodes.TargetAddressNotAllowed);
        finding.Message.Should().EndWith("a loopback address, which the network policy refuses (allowed: public addresses).");
        finding.Remedy.Should().Be("Give a URL whose host resolves to public addresses only; to probe an API on this machine on purpose, call AllowLoopback() on the builder.");
    }

    [Fact]
    public async Task APrivateTarget_NamesTheOtherCall_AndAMetadataAddressNone()
    {
        (await Refused("http://10.1.2.3/")).Findings.Single().Remedy.Should().EndWith("to probe an API on your own network on purpose, call AllowPrivateNetworks() on the builder.");
        (await Refused("http://169.254.169.254/latest/meta-data/")).Findings.Single().Remedy.Should().NotContain("Allow").And.Contain("never probed");
    }

    [Fact]
    public async Task UnderConfiguration_TheFixNamesTheKey()
    {
        var report = await Refused($"http://127.0.0.1:{Loopback.ClosedPort()}/", b => b.NamingSettingsAs(CorsSettingNames.Configuration()));

        report.Findings.Single().Remedy.Should().EndWith("to probe an API on this machine on purpose, set CorsProbe:AllowLoopback to true.");
    }

    [Fact]
    public async Task ThePolicyNamed_IsTheOneThatRefused_NotTheBuildersOwn()
    {
        using var guarded = CorsProbeHandler.Create(NetworkPolicy.PublicOnly);

        var report = await Refused($"http://127.0.0.1:{Loopback.ClosedPort()}/", b => b.AllowLoopback().UsingHandler(guarded));

        report.Findings.Single().Message.Should().EndWith("(allowed: public addresses).", "the handler's guard refused it, whatever the builder was told");
    }

    [Fact]
    public async Task WithoutAnOrigin_TheErrorNamesTheSetting_InTheCallersWords()
    {
        var builder = CorsProbe.For(Probe.Url);

        await FluentActions.Invoking(() => builder.ProbeAsync(TestContext.Current.CancellationToken)).Should().ThrowAsync<InvalidOperationException>()
            .WithMessage("*Call WithOrigin(\"https://your-app.example\")*");
        await FluentActions.Invoking(() => builder.NamingSettingsAs(CorsSettingNames.Configuration("Probes")).ProbeAsync(TestContext.Current.CancellationToken))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*Set Probes:DefaultOrigin to the origin of the page that calls the API.");
    }

    [Fact]
    public async Task TheTool_NamesItsFlags()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        await CorsProbeCommand.RunAsync([$"http://127.0.0.1:{Loopback.ClosedPort()}/", "--origin", Probe.Origin], output, error);

        output.ToString().Should().Contain("to probe an API on this machine on purpose, add --allow-local.").And.NotContain("AllowLoopback()");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void BlankWords_AreRefused(string words) =>
        FluentActions.Invoking(() => CorsSettingNames.Builder with { Timeout = words }).Should().Throw<ArgumentException>().WithParameterName("Timeout");
}

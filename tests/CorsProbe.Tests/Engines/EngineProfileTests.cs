using System.Text.Json;

namespace CorsProbing.Tests.Engines;

public class EngineProfileTests
{
    [Fact]
    public async Task AHeaderOnlyChromiumDrops_IsRequiredForFirefoxAndWebKit_WithANoteForChromium()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "Content-Type");

        var report = await Probe.Through(server).RequireHeader("User-Agent", "quest-widget/1.0").RunAsync();

        server.Received.Select(r => r.Header("Access-Control-Request-Headers")).Should().Equal(null, "user-agent");
        report.Preflights.Select(p => string.Join("+", p.Engines)).Should().Equal("Chromium", "Firefox+WebKit");
        report.VerdictFor(CorsProfile.Chromium).Should().Be(CorsVerdict.Allowed, report.ToString());
        report.VerdictFor(CorsProfile.Firefox).Should().Be(CorsVerdict.Denied);
        report.VerdictFor(CorsProfile.WebKit).Should().Be(CorsVerdict.Denied);
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied, "Browser means every engine allows it");
        var denied = report.Findings.Single(f => f.Code == CorsFindingCodes.HeaderNotAllowed);
        denied.Engines.Should().Equal(BrowserEngine.Firefox, BrowserEngine.WebKit);
        denied.Message.Should().NotContain("Safari", "the finding carries its engines; the text names them");
        denied.ToString().Should().Contain("Request header not allowed: Firefox and Safari block: ");
        report.ToString().Should().Contain("Firefox and Safari block: " + denied.Message);
        var note = report.Findings.Single(f => f.Code == CorsFindingCodes.HeaderDroppedByEngine);
        note.Severity.Should().Be(CorsSeverity.Info);
        note.Engines.Should().Equal(BrowserEngine.Chromium);
        note.Message.Should().Contain("User-Agent");
        note.ToString().Should().Contain("In Chrome/Edge: Scripts cannot set User-Agent");
    }

    [Fact]
    public async Task AClientHintOnlyChromiumSafelists_NeedsAPreflightInFirefoxAndWebKitOnly()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "Content-Type");

        var report = await Probe.Through(server).RequireHeader("DPR", "2").RunAsync();

        var byEngines = report.Preflights.ToDictionary(p => string.Join("+", p.Engines));
        byEngines["Chromium"].BrowserSendsPreflight.Should().BeFalse();
        byEngines["Firefox+WebKit"].BrowserSendsPreflight.Should().BeTrue();
        byEngines["Firefox+WebKit"].RequestHeader("Access-Control-Request-Headers").Should().Be("dpr");
        report.VerdictFor(CorsProfile.Chromium).Should().Be(CorsVerdict.Allowed, report.ToString());
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.ToString().Should().Contain("Browser: Denied (Chromium: Allowed, Firefox: Denied, WebKit: Denied)");
    }

    [Fact]
    public async Task ARangeOnlyWebKitSafelists_NeedsAPreflightInChromiumAndFirefox()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "Range");

        var report = await Probe.Through(server).RequireHeader("Range", "Bytes=0-99").RunAsync();

        report.Preflights.Select(p => (string.Join("+", p.Engines), p.BrowserSendsPreflight)).Should().Equal(("Chromium+Firefox", true), ("WebKit", false));
        report.Verdict.Should().Be(CorsVerdict.Allowed, report.ToString());
    }

    [Theory]
    [InlineData("", "true")]
    [InlineData("true", "")]
    public async Task CredentialsAllowedByTrueAndAnEmptyLine_PassInFirefoxOnly(string first, string second)
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "Content-Type")
            .With("Access-Control-Allow-Credentials", first)
            .With("Access-Control-Allow-Credentials", second);

        var report = await Probe.Through(server).RequireMethods("PUT").WithCredentials().RunAsync();

        server.Received.Should().ContainSingle("one preflight serves every engine: they judge the same answer differently");
        report.VerdictFor(CorsProfile.Firefox).Should().Be(CorsVerdict.Allowed, report.ToString());
        report.VerdictFor(CorsProfile.Chromium).Should().Be(CorsVerdict.Denied);
        report.VerdictFor(CorsProfile.WebKit).Should().Be(CorsVerdict.Denied);
        var credentials = report.Findings.Where(f => f.Code == CorsFindingCodes.AllowCredentials && !f.Message.Contains("stand-in", StringComparison.Ordinal)).ToList();
        credentials.Should().HaveCount(2, "one finding for the engines that block, one for the engine that does not");
        credentials[0].Engines.Should().Equal(BrowserEngine.Chromium, BrowserEngine.WebKit);
        credentials[0].ToString().Should().Contain(": Chrome/Edge and Safari block: ");
        credentials[1].Severity.Should().Be(CorsSeverity.Warning);
        credentials[1].Engines.Should().Equal(BrowserEngine.Firefox);
        credentials[1].ToString().Should().Contain(": In Firefox: ");
        credentials[1].Message.Should().Contain("empty line is left out");
    }

    [Fact]
    public async Task AHeaderSetTwiceInTwoCases_IsNamedTwiceInFirefoxsPreflight()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "X-Api-Key");

        var report = await Probe.Through(server).RequireMethods("PUT").RequireHeader("X-Api-Key", "1").RequireHeader("x-api-key", "2").RunAsync();

        report.Preflights.Select(p => (string.Join("+", p.Engines), p.RequestHeader("Access-Control-Request-Headers")))
            .Should().Equal(("Chromium+WebKit", "x-api-key"), ("Firefox", "x-api-key,x-api-key"));
        report.Verdict.Should().Be(CorsVerdict.Allowed, report.ToString());
    }

    [Fact]
    public async Task TheSameFindingInTwoForms_IsOneFindingAboutEveryEngine()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "Content-Type");

        var report = await Probe.Through(server).RequireMethods("PUT").RequireHeader("X-Api-Key", "1").RequireHeader("x-api-key", "2").RunAsync();

        report.Preflights.Should().HaveCount(2, "Firefox names the header twice, so its preflight differs");
        var denied = report.Findings.Should().ContainSingle(f => f.Code == CorsFindingCodes.HeaderNotAllowed, "both forms lack the same header, x-api-key").Which;
        denied.Engines.Should().Equal(BrowserEngine.All);
        denied.ToString().Should().NotContain("block: ");
    }

    [Fact]
    public async Task WhenTheEnginesAgree_OnePreflightServesThemAll()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "Content-Type");

        var report = await Probe.Through(server).RequireMethods("PUT").RequireHeader("Content-Type", "application/json").RunAsync();

        server.Received.Should().ContainSingle();
        report.Preflights.Single().Engines.Should().Equal(BrowserEngine.All);
        CorsProfile.BuiltIn.Where(p => p.IsEngine).Should().OnlyContain(p => report.VerdictFor(p) == CorsVerdict.Allowed);
        report.ToString().Should().Contain($"  Browser: Allowed{Environment.NewLine}", "engines that agree are not listed one by one");
    }

    [Fact]
    public async Task Galxe_FollowsChromium_SoItsVerdictIsUnchanged()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "Content-Type");

        var report = await Probe.Through(server).RequireHeader("DPR", "2").AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        CorsProfile.Galxe.Engines.Should().Equal(BrowserEngine.Chromium);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(report.VerdictFor(CorsProfile.Chromium));
    }

    [Fact]
    public async Task TheJson_KeysAVerdictByEveryProfile_AndNamesEachPreflightsEngines()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "Content-Type");
        var report = await Probe.Through(server).RequireHeader("DPR", "2").AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        using var json = JsonDocument.Parse(report.ToJson());

        json.RootElement.GetProperty("verdicts").EnumerateObject().Select(p => p.Name).Should().Equal("Browser", "Chromium", "Firefox", "WebKit", "Galxe");
        json.RootElement.GetProperty("preflights").EnumerateArray()
            .Select(p => string.Join("+", p.GetProperty("engines").EnumerateArray().Select(e => e.GetString())))
            .Should().Equal("Chromium", "Firefox+WebKit");
        var read = CorsReport.FromJson(report.ToJson());
        read.ToJson().Should().Be(report.ToJson());
        read.Preflights.Select(p => p.Engines.Count).Should().Equal(1, 2);
        read.VerdictFor(CorsProfile.Chromium).Should().Be(CorsVerdict.Allowed);
    }

    [Fact]
    public void AProfile_NeedsAnEngine() =>
        FluentActions.Invoking(() => new CorsProfile("Acme", "the Acme console") { Engines = [] })
            .Should().Throw<ArgumentException>().WithMessage("*at least one engine*");

    [Fact]
    public void AProfileOfYourOwn_FollowsEveryEngine_LikeBrowser() =>
        new CorsProfile("Acme", "the Acme console").Engines.Should().Equal(BrowserEngine.Chromium, BrowserEngine.Firefox, BrowserEngine.WebKit);

    [Theory]
    [InlineData("Chromium")]
    [InlineData("firefox")]
    [InlineData("WebKit")]
    public void TheEngineProfiles_AreBuiltIn(string name) =>
        CorsProfile.FindBuiltIn(name)!.Engines.Should().ContainSingle().Which.Name.Should().BeEquivalentTo(name);
}

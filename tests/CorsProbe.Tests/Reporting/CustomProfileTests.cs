using System.Net;

namespace CorsProbing.Tests.Reporting;

/// <summary>A caller's own profile: validated, judged from the same exchanges, its severities derived from its rules.</summary>
public class CustomProfileTests
{
    private static readonly CorsProfile Acme = new("Acme", "the Acme console")
    {
        DefaultOrigin = "https://console.acme.example",
        TimeLimit = TimeSpan.FromSeconds(3),
        AllowedPorts = [443],
        AlwaysPreflights = true,
        JudgesActualResponses = false,
        RequiresListedMethods = true,
        ChecksAllowHeaders = false,
        AcceptsWhileBrowsersBlock = "The console's Verify button passes, but the widget fails",
        RejectsWhileBrowsersAllow = "the console's Verify button fails",
    };

    private static StubCorsServer AllowingAcme(string methods = "GET, PUT", string? headers = null)
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", Acme.DefaultOrigin!).With("Access-Control-Allow-Methods", methods)
            .With("Access-Control-Max-Age", "600").With("Vary", "Origin");
        return headers is null ? server : server.With("Access-Control-Allow-Headers", headers);
    }

    private static Task<CorsReport> Run(StubCorsServer server, Func<CorsProbeBuilder, CorsProbeBuilder> configure, string url = Probe.Url) =>
        configure(CorsProbe.For(url).UsingHandler(server).UsingProfile(Acme)).RunAsync();

    [Fact]
    public async Task AReport_JudgesTheBuiltInProfilesAndTheCallersOwn_FromItsDefaultOrigin()
    {
        var server = AllowingAcme();

        var report = await Run(server, b => b.RequireMethods("PUT"));

        report.Profiles.Should().Equal(CorsProfile.Browser, CorsProfile.Chromium, CorsProfile.Firefox, CorsProfile.WebKit, Acme);
        report.Profile.Should().Be(Acme);
        report.Origin.Should().Be("https://console.acme.example");
        server.Received.Should().OnlyContain(r => r.Header("Origin") == "https://console.acme.example");
        report.VerdictFor(Acme).Should().Be(CorsVerdict.Allowed, report.ToString());
        report.ToString().Should().Contain("Acme: Allowed");
    }

    [Fact]
    public async Task RequiresListedMethods_MakesAnUnlistedGetAnError_AndTheDifferenceSpeaksItsWords()
    {
        var report = await Run(AllowingAcme(methods: "PUT"), b => b.RequireMethods("GET"));

        report.Verdict.Should().Be(CorsVerdict.Denied);
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        var unlisted = report.Findings.Single(f => f.Code == CorsFindingCodes.MethodNotListed);
        unlisted.Severity.Should().Be(CorsSeverity.Error);
        unlisted.Message.Should().Contain("the Acme console");
        report.Findings.Should().Contain(f => f.Code == CorsFindingCodes.ProfilesDisagree && f.Message.StartsWith("Browsers would allow this call, but the console's Verify button fails", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChecksAllowHeadersOff_LetsAnUnlistedHeaderPass_WhileBrowsersBlock()
    {
        var report = await Run(AllowingAcme(), b => b.RequireMethods("PUT").RequireHeaders("X-Api-Key"));

        report.Verdict.Should().Be(CorsVerdict.Allowed, report.ToString());
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.Findings.Single(f => f.Code == CorsFindingCodes.HeaderNotAllowed).Severity.Should().Be(CorsSeverity.Info);
        report.Findings.Should().Contain(f => f.Code == CorsFindingCodes.ProfilesDisagree && f.Message.StartsWith("The console's Verify button passes, but the widget fails", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllowedPorts_MakeAnotherPortAnError()
    {
        var report = await Run(AllowingAcme(), b => b.RequireMethods("PUT"), url: "https://api.example.com:8443/quests");

        var port = report.Findings.Single(f => f.Code == CorsFindingCodes.NonStandardPort);
        port.Severity.Should().Be(CorsSeverity.Error);
        port.SeverityUnder(CorsProfile.Browser).Should().Be(CorsSeverity.Info);
        port.Message.Should().Contain("the Acme console only accepts URLs on ports 443");
    }

    [Fact]
    public async Task NotJudgingActualResponses_LeavesTheActualGetToBrowsers()
    {
        (string, string)[] options = [("Access-Control-Allow-Origin", Acme.DefaultOrigin!), ("Access-Control-Allow-Methods", "GET"), ("Vary", "Origin")];
        var server = new StubCorsServer
        {
            StatusFor = r => r.Method == HttpMethod.Options ? HttpStatusCode.NoContent : HttpStatusCode.OK,
            LinesFor = r => r.Method == HttpMethod.Options ? options : [],
        };

        var report = await Run(server, b => b);

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied, "the actual GET's response has no Access-Control-Allow-Origin");
        report.Verdict.Should().Be(CorsVerdict.Allowed, report.ToString());
    }

    [Fact]
    public async Task Errors_TurnAWarningIntoAnError()
    {
        var strict = new CorsProfile("Strict", "the strict gateway") { Errors = [CorsFindingCodes.MissingVaryOrigin] };
        var server = new Audit.OriginPolicyServer(origin => origin == Probe.Origin) { VaryOrigin = false };

        var report = await Probe.Through(server).RequireMethods("PUT").RejectOrigins("https://evil.example").UsingProfile(strict).RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Denied);
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        report.Findings[0].Code.Should().Be(CorsFindingCodes.MissingVaryOrigin);
    }

    [Fact]
    public void TheBuiltInProfiles_AreDataWithTheDocumentedRules()
    {
        CorsProfile.Galxe.DefaultOrigin.Should().Be("https://dashboard.galxe.com");
        CorsProfile.Galxe.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        CorsProfile.Galxe.AllowedPorts.Should().Equal(80, 443);
        CorsProfile.Galxe.RequiresListedMethods.Should().BeTrue();
        CorsProfile.Galxe.ChecksAllowHeaders.Should().BeFalse();
        CorsProfile.Browser.DefaultOrigin.Should().BeNull();
        CorsProfile.Browser.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        CorsProfile.Browser.AllowsPort(8080).Should().BeTrue();
        CorsProfile.FindBuiltIn("galxe").Should().BeSameAs(CorsProfile.Galxe);
        CorsProfile.FindBuiltIn("Chrome").Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Acme Console")]
    [InlineData("Acme/1")]
    public void AName_MustBeLettersDigitsDashesOrUnderscores(string name) =>
        FluentActions.Invoking(() => new CorsProfile(name, "the Acme console")).Should().Throw<ArgumentException>().WithParameterName("name");

    [Fact]
    public void ABlankSubject_IsRefused() =>
        FluentActions.Invoking(() => new CorsProfile("Acme", " ")).Should().Throw<ArgumentException>().WithParameterName("subject");

    [Fact]
    public void BadRules_AreRefused_WhereTheyAreSet()
    {
        FluentActions.Invoking(() => new CorsProfile("A", "a") { DefaultOrigin = "https://console.acme.example/" }).Should().Throw<ArgumentException>().WithMessage("*not a serialized origin*");
        FluentActions.Invoking(() => new CorsProfile("A", "a") { TimeLimit = TimeSpan.Zero }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new CorsProfile("A", "a") { AllowedPorts = [0] }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new CorsProfile("A", "a") { Errors = ["CORS201"] }).Should().Throw<ArgumentException>().WithMessage("*CORS0xx or CORS1xx*");
        FluentActions.Invoking(() => new CorsProfile("A", "a") { AcceptsWhileBrowsersBlock = "" }).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AProfileNamedLikeABuiltInOne_IsRefusedByTheBuilder() =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).UsingProfile(new CorsProfile("galxe", "a look-alike")))
            .Should().Throw<ArgumentException>().WithParameterName("profile").WithMessage("*built-in CorsProfile.Galxe*");

    [Fact]
    public void Profiles_AreEqualByName()
    {
        new CorsProfile("Galxe", "a look-alike").Should().Be(CorsProfile.Galxe);
        Acme.Should().NotBe(CorsProfile.Browser);
        Acme.ToString().Should().Be("Acme");
    }
}

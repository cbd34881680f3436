using System.Net;

namespace CorsProbing.Tests.Reporting;

/// <summary>Every finding code, both ways: it fires when it should and stays silent when it should not.</summary>
public class FindingCodeTests
{
    private const string Api = "https://api.example.com/quests";

    private static StubCorsServer Good() => StubCorsServer.Allowing(Probe.Origin, methods: "GET, POST, PUT", headers: "Content-Type");

    private static async Task<CorsReport> Run(StubCorsServer server, Func<CorsProbeBuilder, CorsProbeBuilder>? configure = null, string url = Api)
    {
        var builder = CorsProbe.For(url).WithOrigin(Probe.Origin).UsingHandler(server).RequireMethods("PUT").RequireHeaders("Content-Type");
        return await (configure?.Invoke(builder) ?? builder).RunAsync();
    }

    [Fact]
    public async Task AGoodSetup_HasNoErrorsOrWarnings()
    {
        var report = await Run(Good());

        report.Findings.Should().NotContain(f => f.Severity != CorsSeverity.Info, report.ToString());
        report.IsAllowed.Should().BeTrue();
    }

    [Fact]
    public async Task CORS003_FiresOnANonOkStatus()
    {
        var server = Good();
        server.Status = HttpStatusCode.MethodNotAllowed;

        var report = await Run(server);

        report.Codes().Should().Contain("CORS003");
        report.Findings.Single(f => f.Code == "CORS003").Message.Should().Contain("405");
        report.Verdict.Should().Be(CorsVerdict.Denied);
    }

    [Fact]
    public async Task CORS003_IsSilentOnA204() => (await Run(Good())).Codes().Should().NotContain("CORS003");

    [Fact]
    public async Task CORS004_FiresOnARedirectWithLocation()
    {
        var server = new StubCorsServer(HttpStatusCode.MovedPermanently).With("Location", "https://api.example.com/quests/");

        var report = await Run(server);

        report.Codes().Should().Contain("CORS004").And.NotContain("CORS003");
        report.Findings.First().Code.Should().Be("CORS004", "a redirect fails before any CORS header is read");
    }

    [Fact]
    public async Task CORS004_FiresWhenTheHandlerFollowedARedirect()
    {
        var server = Good();
        server.LinesFor = null;
        var following = new RedirectingHandler(server, new Uri("https://api.example.com/v2/quests"));

        var report = await CorsProbe.For(Api).WithOrigin(Probe.Origin).UsingHandler(following).RequireMethods("PUT").RunAsync();

        report.Findings.Should().Contain(f => f.Code == "CORS004" && f.Message.Contains("followed a redirect"));
    }

    [Fact]
    public async Task CORS004_IsSilentWithoutRedirect() => (await Run(Good())).Codes().Should().NotContain("CORS004");

    [Fact]
    public async Task CORS005_FiresWithoutAllowOrigin()
    {
        var report = await Run(new StubCorsServer().With("Access-Control-Allow-Methods", "PUT").With("Access-Control-Allow-Headers", "Content-Type"));

        report.Codes().Should().Equal("CORS005");
    }

    [Fact]
    public async Task CORS006_FiresOnTwoAllowOriginLines()
    {
        var server = Good().With("Access-Control-Allow-Origin", "*");

        var report = await Run(server);

        report.Codes().Should().Contain("CORS006");
        report.Findings.Single(f => f.Code == "CORS006").Message.Should().Contain("2 header lines");
    }

    [Fact]
    public async Task CORS007_FiresOnAnotherOrigin_AndExplainsCaseDifferences()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", "https://Dashboard.Galxe.com").With("Access-Control-Allow-Methods", "PUT").With("Access-Control-Allow-Headers", "Content-Type");

        var finding = (await Run(server)).Findings.Single(f => f.Code == "CORS007");

        finding.Message.Should().Contain("https://Dashboard.Galxe.com").And.Contain("letter case");
        finding.Remedy.Should().Contain("Access-Control-Allow-Origin: https://dashboard.galxe.com");
    }

    [Fact]
    public async Task CORS008_FiresOnWildcardWithCredentials()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", "*").With("Access-Control-Allow-Credentials", "true")
            .With("Access-Control-Allow-Methods", "PUT").With("Access-Control-Allow-Headers", "Content-Type");

        var report = await Run(server, b => b.WithCredentials());

        report.Codes().Should().Contain("CORS008").And.NotContain("CORS009");
    }

    [Fact]
    public async Task CORS008_IsSilentOnWildcardWithoutCredentials()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", "*").With("Access-Control-Allow-Methods", "PUT").With("Access-Control-Allow-Headers", "Content-Type");

        var report = await Run(server);

        report.Codes().Should().NotContain("CORS008");
        report.IsAllowed.Should().BeTrue();
    }

    [Fact]
    public async Task CORS009_FiresWhenCredentialsLackAllowCredentials()
    {
        var report = await Run(Good(), b => b.WithCredentials());

        report.Codes().Should().Contain("CORS009");
        report.Findings.Single(f => f.Code == "CORS009").Message.Should().Contain("no Access-Control-Allow-Credentials header");
    }

    [Fact]
    public async Task CORS009_IsSilentWithAllowCredentialsTrue()
    {
        var report = await Run(Good().With("Access-Control-Allow-Credentials", "true"), b => b.WithCredentials());

        report.Codes().Should().NotContain("CORS009");
        report.IsAllowed.Should().BeTrue();
    }

    [Fact]
    public async Task CORS010_FiresOnAMalformedAllowMethods_NamingTheBadElement()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", "*").With("Access-Control-Allow-Methods", "GET;PUT").With("Access-Control-Allow-Headers", "Content-Type");

        var finding = (await Run(server)).Findings.Single(f => f.Code == "CORS010");

        finding.Message.Should().Contain("`GET;PUT`");
    }

    [Fact]
    public async Task CORS011_FiresWhenTheMethodIsNotListed_QuotingTheHeader()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "GET, POST", headers: "Content-Type");

        var finding = (await Run(server)).Findings.Single(f => f.Code == "CORS011");

        finding.Message.Should().Contain("`Access-Control-Allow-Methods: GET, POST` does not list `PUT`");
        finding.Method.Should().Be("PUT");
        finding.Remedy.Should().Contain("Add `PUT`");
    }

    [Fact]
    public async Task CORS011_ExplainsACaseMismatch()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "put", headers: "Content-Type");

        var finding = (await Run(server)).Findings.Single(f => f.Code == "CORS011");

        finding.Message.Should().Contain("case-sensitively");
    }

    [Fact]
    public async Task CORS012_FiresOnAMalformedAllowHeaders()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "PUT", headers: "Content-Type X-Other");

        (await Run(server)).Codes().Should().Contain("CORS012").And.NotContain("CORS013");
    }

    [Fact]
    public async Task CORS013_FiresWhenAHeaderIsNotAllowed_NamingIt()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "PUT", headers: "X-Other");

        var finding = (await Run(server)).Findings.Single(f => f.Code == "CORS013");

        finding.Message.Should().Contain("`content-type`");
        finding.Remedy.Should().Contain("content-type");
    }

    [Fact]
    public async Task CORS014_IsInfoUnderBrowser_ErrorUnderGalxe()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "PUT", headers: "Content-Type");

        var report = await Run(server, b => b.RequireMethods("POST").AlsoJudgeBy(CorsProfile.Galxe));

        var finding = report.Findings.Single(f => f.Code == "CORS014");
        finding.Method.Should().Be("POST");
        finding.Severity.Should().Be(CorsSeverity.Info);
        finding.SeverityUnder(CorsProfile.Galxe).Should().Be(CorsSeverity.Error);
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Denied);
    }

    [Fact]
    public async Task CORS014_IsSilentWhenTheSafelistedMethodIsListed() =>
        (await Run(Good(), b => b.RequireMethods("POST"))).Codes().Should().NotContain("CORS014");

    [Fact]
    public async Task CORS015_FiresOnAPortOtherThan80Or443()
    {
        var report = await Run(Good(), b => b.AlsoJudgeBy(CorsProfile.Galxe), url: "https://api.example.com:8443/quests");

        var finding = report.Findings.Single(f => f.Code == "CORS015");
        finding.Severity.Should().Be(CorsSeverity.Info);
        finding.SeverityUnder(CorsProfile.Galxe).Should().Be(CorsSeverity.Error);
        finding.Method.Should().BeNull();
    }

    [Fact]
    public async Task WithoutAPlatformProfile_NeitherItsPortRuleNorItsVerdictIsInTheReport()
    {
        var report = await Run(Good(), url: "https://api.example.com:8443/quests");

        report.Codes().Should().NotContain(["CORS015", "CORS105"]);
        report.Profiles.Should().Equal(CorsProfile.Browser, CorsProfile.Chromium, CorsProfile.Firefox, CorsProfile.WebKit);
        report.ToString().Should().NotContain("Galxe");
    }

    [Theory]
    [InlineData("https://api.example.com/quests")]
    [InlineData("http://api.example.com/quests")]
    [InlineData("https://api.example.com:443/quests")]
    public async Task CORS015_IsSilentOnStandardPorts(string url) =>
        (await Run(Good(), url: url)).Codes().Should().NotContain("CORS015");

    [Fact]
    public async Task CORS101_WarnsWhenWildcardCoversAuthorization()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "PUT", headers: "*");

        var report = await Run(server, b => b.RequireHeaders("Authorization"));

        report.Findings.Should().ContainSingle(f => f.Code == "CORS101" && f.Severity == CorsSeverity.Warning);
        report.IsAllowed.Should().BeTrue("Chromium lets * cover Authorization");
    }

    [Fact]
    public async Task CORS101_IsSilentWhenAuthorizationIsListed() =>
        (await Run(StubCorsServer.Allowing(Probe.Origin, methods: "PUT", headers: "*, Authorization"), b => b.RequireHeaders("Authorization")))
            .Codes().Should().NotContain("CORS101");

    [Fact]
    public async Task CORS102_NotesASimpleRequest()
    {
        var report = await CorsProbe.For(Api).WithOrigin(Probe.Origin).UsingHandler(Good()).RunAsync();

        report.Findings.Should().ContainSingle(f => f.Code == "CORS102" && f.Method == "GET");
        report.Preflights.Single().BrowserSendsPreflight.Should().BeFalse();
    }

    [Fact]
    public async Task CORS102_IsSilentForAPreflightedRequest() => (await Run(Good())).Codes().Should().NotContain("CORS102");

    [Fact]
    public async Task CORS103_WarnsOnceWhenAnOtherOriginGetsAnotherAnswer_AndTheEchoLacksVaryOrigin()
    {
        var server = new Audit.OriginPolicyServer(origin => origin == Probe.Origin) { VaryOrigin = false };

        var report = await CorsProbe.For(Api).WithOrigin(Probe.Origin).UsingHandler(server).RequireMethods("GET", "PUT").RequireHeaders("Content-Type")
            .RejectOrigins("https://evil.example").RunAsync();

        report.Findings.Should().ContainSingle(f => f.Code == "CORS103", "one finding names every response of every method")
            .Which.Message.Should().Contain("`https://evil.example` got no Access-Control-Allow-Origin").And.Contain("for GET").And.Contain("for PUT");
    }

    [Fact]
    public async Task CORS103_IsSilentForAConstantAllowOrigin_WhichEchoesNothing()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", Probe.Origin).With("Access-Control-Allow-Methods", "PUT").With("Access-Control-Allow-Headers", "Content-Type");

        (await Run(server)).Codes().Should().NotContain("CORS103", "one probe from one origin cannot tell a constant from an echo");
        (await Run(server, b => b.RejectOrigins("https://evil.example"))).Codes().Should().NotContain("CORS103", "the other origin got the same value");
    }

    [Theory]
    [InlineData("Origin")]
    [InlineData("Accept-Encoding, origin")]
    [InlineData("*")]
    public async Task CORS103_IsSilentWithVaryCoveringOrigin(string vary)
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", Probe.Origin).With("Access-Control-Allow-Methods", "PUT")
            .With("Access-Control-Allow-Headers", "Content-Type").With("Vary", vary);

        (await Run(server, b => b.RejectOrigins("https://evil.example"))).Codes().Should().NotContain("CORS103");
    }

    [Fact]
    public async Task CORS103_IsSilentForAWildcardOrigin()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", "*").With("Access-Control-Allow-Methods", "PUT").With("Access-Control-Allow-Headers", "Content-Type");

        (await Run(server)).Codes().Should().NotContain("CORS103");
    }

    [Theory]
    [InlineData(null, "Info", "browsers cache the preflight for 5 s")]
    [InlineData("abc", "Warning", "Chrome/Edge and Safari: cached for 5 s (not a plain number of seconds: the default); Firefox: not cached (not a plain number of seconds)")]
    [InlineData("+10", "Warning", "Chrome/Edge and Safari: cached for 10 s; Firefox: not cached (not a plain number of seconds)")]
    [InlineData("-1", "Warning", "Chrome/Edge, Firefox and Safari: not cached (negative)")]
    [InlineData("86400", "Warning", "Chrome/Edge: cached for 2 hours (the most kept there); Firefox: cached for 24 hours; Safari: cached for 10 minutes (the most kept there)")]
    [InlineData("3600", "Warning", "Chrome/Edge and Firefox: cached for 1 hour; Safari: cached for 10 minutes (the most kept there)")]
    public async Task CORS104_SaysHowLongEachEngineKeepsThePreflight(string? maxAge, string severity, string effective)
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", "*").With("Access-Control-Allow-Methods", "PUT").With("Access-Control-Allow-Headers", "Content-Type");
        if (maxAge is not null)
        {
            server.With("Access-Control-Max-Age", maxAge);
        }

        var finding = (await Run(server)).Findings.Single(f => f.Code == "CORS104");

        finding.Severity.Should().Be(Enum.Parse<CorsSeverity>(severity));
        finding.Message.Should().Contain(effective);
    }

    [Theory]
    [InlineData("600", 600, 600, 600)]
    [InlineData("86400", 7200, 86400, 600)]
    [InlineData("1.5", 5, 0, 5)]
    [InlineData("99999999999999999999", 5, 86400, 5)]
    [InlineData("", 5, 5, 5)]
    [InlineData("-3", 0, 0, 0)]
    public async Task PreflightCacheTime_IsEachEnginesReading(string maxAge, int chromium, int firefox, int webKit)
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", Probe.Origin).With("Access-Control-Allow-Methods", "PUT").With("Access-Control-Max-Age", maxAge);

        var exchange = (await Probe.Through(server).RequireMethods("PUT").RunAsync()).Preflights.Single();

        exchange.PreflightCacheTime(BrowserEngine.Chromium).Should().Be(TimeSpan.FromSeconds(chromium));
        exchange.PreflightCacheTime(BrowserEngine.Firefox).Should().Be(TimeSpan.FromSeconds(firefox));
        exchange.PreflightCacheTime(BrowserEngine.WebKit).Should().Be(TimeSpan.FromSeconds(webKit));
    }

    [Theory]
    [InlineData("86400", 7200, 86400, 600)]
    [InlineData("1.5", 5, 0, 5)]
    public async Task PreflightCacheTime_OfAReportReadBackFromJson_IsEachEnginesReading(string maxAge, int chromium, int firefox, int webKit)
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", Probe.Origin).With("Access-Control-Allow-Methods", "PUT").With("Access-Control-Max-Age", maxAge);
        var report = await Probe.Through(server).RequireMethods("PUT").RunAsync();

        var exchange = CorsReport.FromJson(report.ToJson()).Preflights.Single();

        exchange.PreflightCacheTime(BrowserEngine.Chromium).Should().Be(TimeSpan.FromSeconds(chromium));
        exchange.PreflightCacheTime(BrowserEngine.Firefox).Should().Be(TimeSpan.FromSeconds(firefox));
        exchange.PreflightCacheTime(BrowserEngine.WebKit).Should().Be(TimeSpan.FromSeconds(webKit));
    }

    [Fact]
    public async Task CORS104_IsSilentForAValidMaxAge() => (await Run(Good())).Codes().Should().NotContain("CORS104");

    private sealed class RedirectingHandler(HttpMessageHandler inner, Uri target) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = target;
            return base.SendAsync(request, cancellationToken);
        }
    }
}

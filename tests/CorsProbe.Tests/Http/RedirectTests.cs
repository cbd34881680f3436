using System.Net;

namespace CorsProbing.Tests.Http;

/// <summary>
/// Redirects of the requests after the preflight, followed as fetch() follows them in CORS mode (Fetch "HTTP-redirect
/// fetch", Chromium's CorsURLLoader): the CORS check on every redirect, at most 20, the origin turning null after a
/// cross-origin hop, Authorization dropped there, and a preflight at the new URL when the request still needs one.
/// </summary>
public class RedirectTests
{
    private const string Other = "https://cdn.other.example";

    // Answers each path with its status and lines; OPTIONS always allows everything for the request's origin.
    private static StubCorsServer Paths(Dictionary<string, (HttpStatusCode Status, (string, string)[] Lines)> paths) => new()
    {
        StatusFor = r => r.Method == HttpMethod.Options ? HttpStatusCode.NoContent : paths[r.RequestUri!.GetLeftPart(UriPartial.Path)].Status,
        LinesFor = r => r.Method == HttpMethod.Options
            ? [("Access-Control-Allow-Origin", r.Header("Origin")!), ("Access-Control-Allow-Methods", "GET, PUT"), ("Access-Control-Allow-Headers", "x-api-key, authorization"), ("Access-Control-Allow-Credentials", "true"), ("Vary", "Origin")]
            : paths[r.RequestUri!.GetLeftPart(UriPartial.Path)].Lines,
    };

    private static (string, string) Grant(string origin = Probe.Origin) => ("Access-Control-Allow-Origin", origin);

    private static (string, string) Location(string url) => ("Location", url);

    [Fact]
    public async Task ASameOriginRedirect_WithCorsOnEveryHop_IsFollowedAndAllowed()
    {
        var server = Paths(new()
        {
            [Probe.Url] = (HttpStatusCode.MovedPermanently, [Location("/v2/quests"), Grant()]),
            ["https://api.example.com/v2/quests"] = (HttpStatusCode.OK, [Grant(), ("Vary", "Origin")]),
        });

        var report = await Probe.Through(server).RequireMethods("GET").RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed, report.ToString());
        var exchange = report.Preflights.Single();
        exchange.ActualRequest!.StatusCode.Should().Be(301);
        exchange.Redirects.Should().ContainSingle().Which.Url.OriginalString.Should().Be("https://api.example.com/v2/quests");
        exchange.Evidence.Should().Be(CorsEvidence.ActualResponse);
        report.Findings.Single(f => f.Code == CorsFindingCodes.RedirectsFollowed).Message.Should().Contain("→ https://api.example.com/v2/quests");
        report.ToString().Should().Contain("GET https://api.example.com/v2/quests (redirected) from https://dashboard.galxe.com -> 200 OK");
    }

    [Fact]
    public async Task ARedirectWithoutCorsHeaders_StopsBrowsers_BeforeTheyFollowIt()
    {
        var server = Paths(new()
        {
            [Probe.Url] = (HttpStatusCode.Found, [Location("/v2/quests")]),
            ["https://api.example.com/v2/quests"] = (HttpStatusCode.OK, [Grant()]),
        });

        var report = await Probe.Through(server).RequireMethods("GET").RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.Findings.Single(f => f.Code == "CORS005").Message.Should().StartWith($"On the redirect (302) of {Probe.Url}, which browsers check before following it");
        server.ActualRequests.Should().ContainSingle("browsers do not follow a redirect that fails the CORS check");
    }

    [Fact]
    public async Task ATargetWithoutCorsHeaders_StopsBrowsers()
    {
        var server = Paths(new()
        {
            [Probe.Url] = (HttpStatusCode.MovedPermanently, [Location("/login"), Grant()]),
            ["https://api.example.com/login"] = (HttpStatusCode.OK, []),
        });

        var report = await Probe.Through(server).RequireMethods("GET").AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Allowed, "the platform reads only the OPTIONS answer");
        report.Findings.Single(f => f.Code == "CORS005").Message.Should().Contain("actual GET response has no Access-Control-Allow-Origin");
    }

    [Theory]
    [InlineData(false, "*", CorsVerdict.Allowed)]
    [InlineData(false, "null", CorsVerdict.Allowed)]
    [InlineData(false, Probe.Origin, CorsVerdict.Denied)]
    [InlineData(true, "*", CorsVerdict.Denied)]
    public async Task ACrossOriginRedirect_SendsOriginNull_AndNeedsAGrantForIt(bool credentials, string grant, CorsVerdict browsers)
    {
        var server = Paths(new()
        {
            [Probe.Url] = (HttpStatusCode.TemporaryRedirect, [Location($"{Other}/quests"), Grant(), ("Access-Control-Allow-Credentials", "true")]),
            [$"{Other}/quests"] = (HttpStatusCode.OK, [Grant(grant), ("Access-Control-Allow-Credentials", "true")]),
        });

        var report = await Probe.Through(server).RequireMethods("GET").WithCredentials(credentials).RunAsync();

        server.ActualRequests[^1].Header("Origin").Should().Be("null");
        report.VerdictFor(CorsProfile.Browser).Should().Be(browsers, report.ToString());
        report.Findings.Single(f => f.Code == CorsFindingCodes.RedirectsFollowed).Message.Should().Contain("origin is `null`");
    }

    [Fact]
    public async Task ACrossOriginRedirect_DropsAuthorization_SoNoPreflightIsNeededThere()
    {
        var server = Paths(new()
        {
            [Probe.Url] = (HttpStatusCode.TemporaryRedirect, [Location($"{Other}/quests"), Grant(), ("Vary", "Origin")]),
            [$"{Other}/quests"] = (HttpStatusCode.OK, [Grant("*")]),
        });

        var report = await Probe.Through(server).RequireMethods("GET").RequireHeader("Authorization", "Bearer t").RunAsync();

        server.AllReceived.Where(r => r.RequestUri!.Host == "cdn.other.example").Should().ContainSingle()
            .Which.Header("Authorization").Should().BeNull();
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed, report.ToString());
    }

    [Fact]
    public async Task ARedirectedRequestThatStillNeedsAPreflight_IsPreflightedAtTheNewUrl()
    {
        var server = new StubCorsServer
        {
            StatusFor = r => r.RequestUri!.AbsolutePath == "/quests" && r.Method == HttpMethod.Get ? HttpStatusCode.TemporaryRedirect : HttpStatusCode.OK,
            LinesFor = r => (r.RequestUri!.AbsolutePath, r.Method.Method) switch
            {
                ("/quests", "GET") => [Location("/v2/quests"), Grant()],
                ("/quests", _) => [Grant(), ("Access-Control-Allow-Headers", "x-api-key")],
                _ => [Grant()],
            },
        };

        var report = await Probe.Through(server).RequireMethods("GET").RequireHeader("X-Api-Key", "k").RunAsync();

        var preflight = report.Preflights.Single().Redirects.First();
        preflight.Kind.Should().Be(ExchangeKind.Preflight);
        preflight.Url.AbsolutePath.Should().Be("/v2/quests");
        preflight.RequestHeader("Access-Control-Request-Headers").Should().Be("x-api-key");
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.Findings.Single(f => f.Code == CorsFindingCodes.RedirectStops).Message.Should().Contain("a header not allowed");
    }

    [Fact]
    public async Task MoreThanTwentyRedirects_StopBrowsers()
    {
        var server = new StubCorsServer
        {
            StatusFor = r => r.Method == HttpMethod.Options ? HttpStatusCode.NoContent : HttpStatusCode.Found,
            LinesFor = _ => [Location("/quests"), Grant(), ("Access-Control-Allow-Methods", "GET")],
        };

        var report = await Probe.Through(server).RequireMethods("GET").RunAsync();

        server.ActualRequests.Should().HaveCount(21);
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.Findings.Single(f => f.Code == CorsFindingCodes.RedirectStops).Message.Should().Contain("more than 20 times");
    }

    [Theory]
    [InlineData("ftp://files.example/quests", "not an http: or https: URL")]
    [InlineData("https://user:secret@api.example.com/v2", "user name or password")]
    [InlineData("https://exa mple.com:99999/", "not a URL")]
    public async Task ARedirectBrowsersRefuseToFollow_StopsThem(string location, string reason)
    {
        var server = Paths(new() { [Probe.Url] = (HttpStatusCode.Found, [Location(location), Grant()]) });

        var report = await Probe.Through(server).RequireMethods("GET").RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied);
        report.Findings.Single(f => f.Code == CorsFindingCodes.RedirectStops).Message.Should().Contain(reason);
        server.ActualRequests.Should().ContainSingle();
    }

    [Fact]
    public async Task AStandInPost_RedirectedBy303_IsTheBrowsersOwnGetFromThere()
    {
        var server = Paths(new()
        {
            [Probe.Url] = (HttpStatusCode.SeeOther, [Location("/done"), Grant()]),
            ["https://api.example.com/done"] = (HttpStatusCode.OK, [Grant()]),
        });

        var report = await Probe.Through(server).RequireMethods("PUT").RunAsync();

        var exchange = report.Preflights.Single();
        exchange.ActualRequest!.Kind.Should().Be(ExchangeKind.StandIn);
        exchange.Redirects.Should().ContainSingle().Which.Kind.Should().Be(ExchangeKind.ActualRequest, "a 303 turns the PUT into a GET");
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed, report.ToString());
    }
}

using System.Text.Json;

namespace CorsProbing.Tests.Cli;

public class CliTests
{
    private static Task<(int Code, string Output, string Error)> Run(HttpMessageHandler? handler, params string[] args) => Tool.Run(handler, args);

    [Fact]
    public async Task AnAllowedProbe_ExitsZero_AndPrintsTheReport()
    {
        var (code, output, _) = await Run(StubCorsServer.Allowing(Probe.Origin), Probe.Url, "--origin", Probe.Origin, "-m", "PUT", "-H", "Content-Type");

        code.Should().Be(0);
        output.Should().StartWith("CORS ALLOWED:");
    }

    [Fact]
    public async Task OptionsOnly_SendsNothingButOptions_AndNamesTheCheckNotMade()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        var (code, output, _) = await Run(server, Probe.Url, "--origin", Probe.Origin, "-m", "PUT", "--options-only");

        code.Should().Be(0);
        server.AllReceived.Should().OnlyContain(r => r.Method == HttpMethod.Options);
        output.Should().Contain("CORS108");
    }

    [Fact]
    public async Task ADeniedProbe_ExitsOne()
    {
        var (code, output, _) = await Run(StubCorsServer.Allowing(Probe.Origin, methods: "GET"), Probe.Url, "--origin", Probe.Origin, "--method", "DELETE");

        code.Should().Be(1);
        output.Should().Contain("CORS011");
    }

    [Fact]
    public async Task AnInconclusiveProbe_ExitsThree_SayingWhy()
    {
        var (code, output, error) = await Run(new StubCorsServer(System.Net.HttpStatusCode.MethodNotAllowed), Probe.Url, "--origin", Probe.Origin, "-m", "POST");

        code.Should().Be(3);
        output.Should().Contain(CorsFindingCodes.StandInInconclusive);
        error.Should().StartWith("Exit 3: inconclusive under the Browser profile (CORS021): nothing browsers would see decides a request");
        output.Should().Contain("Settle it with the actual request: add --send-actual (on your own test or staging API only: it sends the method itself)");
    }

    [Fact]
    public async Task SendActual_SendsTheMethodItself_AndCannotGoWithOptionsOnly()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        var (code, _, _) = await Run(server, Probe.Url, "--origin", Probe.Origin, "-m", "DELETE", "--send-actual");
        var (both, _, error) = await Run(new StubCorsServer(), Probe.Url, "--origin", Probe.Origin, "--send-actual", "--options-only");

        code.Should().Be(0);
        server.ActualRequests.Select(r => r.Method.Method).Should().Equal("DELETE");
        both.Should().Be(64);
        error.Should().Contain("Give --options-only or --send-actual, not both");
    }

    [Fact]
    public async Task AnUnreachableTarget_ExitsTwo()
    {
        var (code, _, _) = await Run(null, $"http://127.0.0.1:{Loopback.ClosedPort()}/", "--origin", Probe.Origin);

        code.Should().Be(2);
    }

    [Theory]
    [InlineData("*'--unknown'*", "--unknown")]
    [InlineData("*'opera'*browser*galxe*", "--profile", "opera")]
    [InlineData("*missing*'--origin'*", "--origin")]
    public async Task BadArguments_ExitSixtyFour_NamingTheArgument(string reason, params string[] extra)
    {
        var (code, _, error) = await Run(new StubCorsServer(), [Probe.Url, .. extra]);

        code.Should().Be(64);
        error.Should().Match(reason);
    }

    [Theory]
    [InlineData("*'relative/url' is not an absolute URL*", "relative/url", "--origin", Probe.Origin)]
    [InlineData("*'https://dashboard.galxe.com/' is not a serialized origin*trailing slash*", Probe.Url, "--origin", "https://dashboard.galxe.com/")]
    [InlineData("*'TRACE' is a forbidden method*", Probe.Url, "--origin", Probe.Origin, "--method", "TRACE")]
    [InlineData("*--timeout must be a positive number of seconds, not 0*", Probe.Url, "--origin", Probe.Origin, "--timeout", "0")]
    [InlineData("*No origin to probe from*", Probe.Url)]
    public async Task InvalidValues_ExitSixtyFour_WithTheReason(string reason, params string[] args)
    {
        var (code, _, error) = await Run(new StubCorsServer(), args);

        code.Should().Be(64);
        error.Should().Match(reason);
    }

    [Fact]
    public async Task MissingUrl_ExitsSixtyFour() => (await Run(null)).Code.Should().Be(64);

    [Fact]
    public async Task Help_ExitsZero_AndListsTheExitCodes()
    {
        var (code, output, _) = await Run(null, "--help");

        code.Should().Be(0);
        output.Should().Contain("--origin").And.Contain("--profile");
        output.Should().Contain("Exit codes: 0 allowed, 1 denied").And.Contain("2 unreachable, 3 inconclusive (nothing browsers would see decides a request), 64 usage error");
    }

    [Fact]
    public async Task Json_PrintsTheVerdictsFindingsAndExchanges()
    {
        var (code, output, _) = await Run(StubCorsServer.Allowing(Probe.Origin, methods: "GET"), Probe.Url, "--origin", Probe.Origin, "-m", "PUT", "--json");

        code.Should().Be(1);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("verdict").GetString().Should().Be("Denied");
        root.GetProperty("verdicts").EnumerateObject().Select(p => p.Name).Should().Equal(["Browser", "Chromium", "Firefox", "WebKit"], "the platform's check is judged only with --profile galxe");
        root.GetProperty("findings")[0].GetProperty("code").GetString().Should().Be("CORS011");
        root.GetProperty("preflights")[0].GetProperty("status").GetInt32().Should().Be(204);
        root.GetProperty("curlCommand").GetString().Should().StartWith("curl ");
    }

    [Fact]
    public async Task ALoopbackTarget_IsRefusedByDefault_AndReachedWithAllowLocal()
    {
        var url = $"http://127.0.0.1:{Loopback.ClosedPort()}/api";

        var (refusedCode, refused, _) = await Run(null, url, "--origin", Probe.Origin, "--json");
        var (reachedCode, reached, _) = await Run(null, url, "--origin", Probe.Origin, "--json", "--allow-local");

        refusedCode.Should().Be(2);
        refused.Should().Contain("CORS016");
        reachedCode.Should().Be(2);
        reached.Should().Contain("CORS001").And.NotContain("CORS016");
    }

    [Fact]
    public async Task Json_IncludesTheActualGet_ForASimpleGet()
    {
        var (_, output, _) = await Run(StubCorsServer.Allowing(Probe.Origin, methods: "GET"), Probe.Url, "--origin", Probe.Origin, "-m", "GET", "--json");

        using var document = JsonDocument.Parse(output);
        var actual = document.RootElement.GetProperty("preflights")[0].GetProperty("actualRequest");
        actual.GetProperty("method").GetString().Should().Be("GET");
        actual.GetProperty("status").GetInt32().Should().Be(204);
    }

    [Fact]
    public async Task HeaderWithValue_AppliesSafelisting()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        await Run(server, Probe.Url, "--origin", Probe.Origin, "-m", "POST", "-H", "Content-Type: text/plain");

        server.LastRequest.Header("Access-Control-Request-Headers").Should().BeNull();
    }

    [Fact]
    public async Task TheGalxeProfile_UsesTheDashboardOrigin_AndDecidesTheExitCode()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", "*").With("Access-Control-Allow-Methods", "POST");

        var (code, _, _) = await Run(server, Probe.Url, "--profile", "galxe", "-m", "GET");

        code.Should().Be(1, "GET is not listed");
        server.LastRequest.Header("Origin").Should().Be("https://dashboard.galxe.com");
    }
}

using System.Text.Json.Nodes;
using System.Text.Json;
using CorsProbing.Testing;
using CorsProbing.Tests.Audit;
using Json.Schema;

namespace CorsProbing.Tests.Serialization;

public class ReportJsonTests
{
    // Built once: the library's global registry refuses a second schema with the same $id.
    private static readonly Lazy<JsonSchema> PublishedSchema =
        new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(Repository.Root, "docs", "report.schema.json"))));

    public static TheoryData<string> Shapes => ["allowed", "denied", "unreachable", "inconclusive", "actual GET", "stand-in", "options only", "redirected", "audited", "rejected", "galxe", "per engine"];

    private static async Task<CorsReport> ReportOf(string shape) => shape switch
    {
        "allowed" => await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).RequireMethods("PUT").RequireHeaders("X-Api-Key").WithCredentials().RunAsync(),
        "denied" => await Probe.Through(StubCorsServer.Allowing("https://other.example", methods: "GET")).RequireMethods("PUT", "DELETE").RunAsync(),
        "unreachable" => await CorsProbe.For($"http://127.0.0.1:{Loopback.ClosedPort()}/api").WithOrigin(Probe.Origin).AllowLoopback().RunAsync(),
        "inconclusive" => await Probe.Through(new StubCorsServer(System.Net.HttpStatusCode.MethodNotAllowed)).RequireMethods("POST").RunAsync(),
        "actual GET" => await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).RequireMethods("GET").RunAsync(),
        "stand-in" => await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).RequireMethods("POST", "DELETE").RunAsync(),
        "redirected" => await Probe.Through(new StubCorsServer
        {
            StatusFor = r => r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath == "/quests" ? System.Net.HttpStatusCode.TemporaryRedirect : System.Net.HttpStatusCode.OK,
            LinesFor = r => r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath == "/quests"
                ? [("Location", "/v2/quests"), ("Access-Control-Allow-Origin", Probe.Origin)]
                : [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Headers", "x-api-key"), ("Vary", "Origin")],
        }).RequireMethods("GET").RequireHeader("X-Api-Key", "k").RunAsync(),
        "options only" => await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).RequireMethods("GET", "PUT").WithoutActualRequests().RunAsync(),
        "audited" => await Probe.Through(new OriginPolicyServer(_ => true) { Credentials = true }).RequireMethods("PUT").Audit().ProbeAsync(TestContext.Current.CancellationToken),
        "rejected" => await Probe.Through(new OriginPolicyServer(_ => true)).RequireMethods("PUT").RejectOrigins("https://evil.example").RunAsync(),
        "galxe" => await CorsProbe.ForGalxe(Probe.Url).UsingHandler(StubCorsServer.Allowing(Probe.Origin, methods: "PUT")).RequireMethods("GET", "POST").RunAsync(),
        "per engine" => await Probe.Through(StubCorsServer.Allowing(Probe.Origin, headers: "Content-Type")).RequireHeader("User-Agent", "quest-widget/1.0").RunAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task ARoundTrip_GivesTheSameJson(string shape)
    {
        var json = (await ReportOf(shape)).ToJson();

        CorsReport.FromJson(json).ToJson().Should().Be(json);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task ARoundTrip_KeepsWhatTheReportSays(string shape)
    {
        var report = await ReportOf(shape);

        var read = CorsReport.FromJson(report.ToJson());

        read.Url.Should().Be(report.Url);
        read.VerdictFor(CorsProfile.Browser).Should().Be(report.VerdictFor(CorsProfile.Browser));
        read.Profiles.Should().Equal(report.Profiles);
        read.Profiles.Select(read.VerdictFor).Should().Equal(report.Profiles.Select(report.VerdictFor));
        read.Findings.Select(f => f.ToString()).Should().Equal(report.Findings.Select(f => f.ToString()));
        read.Findings.Select(f => string.Join("+", f.Engines)).Should().Equal(report.Findings.Select(f => string.Join("+", f.Engines)));
        foreach (var profile in report.Profiles)
        {
            read.Findings.Select(f => f.SeverityUnder(profile)).Should().Equal(report.Findings.Select(f => f.SeverityUnder(profile)));
        }
        read.SecurityFindings.Select(f => f.ToString()).Should().Equal(report.SecurityFindings.Select(f => f.ToString()));
        read.CurlCommand.Should().Be(report.CurlCommand);
        read.Elapsed.Should().Be(report.Elapsed);
        read.ToString().Should().Be(report.ToString());
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task TheJson_IsValidAgainstThePublishedSchema(string shape)
    {
        var schema = PublishedSchema.Value;
        using var json = JsonDocument.Parse((await ReportOf(shape)).ToJson());

        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.Should().BeTrue(string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public async Task TheJson_IsVersioned_AndCamelCase_WithEnumsAsNames()
    {
        using var document = JsonDocument.Parse((await ReportOf("denied")).ToJson());
        var root = document.RootElement;

        root.GetProperty("schemaVersion").GetInt32().Should().Be(7).And.Be(CorsReport.JsonSchemaVersion);
        root.GetProperty("verdict").GetString().Should().Be("Denied");
        root.GetProperty("verdicts").EnumerateObject().Select(p => p.Name).Should().Equal("Browser", "Chromium", "Firefox", "WebKit");
        root.GetProperty("findings")[0].GetProperty("severities").GetProperty("Browser").GetString().Should().Be("Error");
    }

    [Fact]
    public void AnotherSchemaVersion_IsRefused_NamingBoth()
    {
        var json = JsonNode.Parse(MinimalJson())!;
        json["schemaVersion"] = 8;

        FluentActions.Invoking(() => CorsReport.FromJson(json.ToJsonString()))
            .Should().Throw<JsonException>().WithMessage("*schema version 8*reads versions 1 to 7*");
    }

    [Theory]
    [InlineData("url")]
    [InlineData("verdicts")]
    [InlineData("preflights")]
    public void AMissingMember_IsRefused(string member)
    {
        var json = JsonNode.Parse(MinimalJson())!.AsObject();
        json.Remove(member);

        FluentActions.Invoking(() => CorsReport.FromJson(json.ToJsonString())).Should().Throw<JsonException>();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    public void NotAReport_IsRefused(string json) =>
        FluentActions.Invoking(() => CorsReport.FromJson(json)).Should().Throw<JsonException>();

    [Fact]
    public void Null_IsRefused() =>
        FluentActions.Invoking(() => CorsReport.FromJson(null!)).Should().Throw<ArgumentNullException>();

    [Fact]
    public void AMinimalDocument_Reads()
    {
        var report = CorsReport.FromJson(MinimalJson());

        report.IsAllowed.Should().BeTrue();
        report.Preflights.Single().StatusCode.Should().Be(204);
        report.SecurityFindings.Should().BeEmpty();
        report.IsAudited.Should().BeFalse();
    }

    [Fact]
    public void AVersion1Document_ReadsWithTheBuiltInProfilesByTheirNames()
    {
        var json = JsonNode.Parse(MinimalJson())!;
        json["verdicts"] = JsonNode.Parse("""{ "browser": "Allowed", "galxe": "Denied" }""");
        json["profile"] = "Galxe";
        json["verdict"] = "Denied";

        var report = CorsReport.FromJson(json.ToJsonString());

        report.Profile.Should().Be(CorsProfile.Galxe);
        report.Profiles.Should().Equal(CorsProfile.Browser, CorsProfile.Galxe);
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        report.Verdict.Should().Be(CorsVerdict.Denied);
    }

    [Fact]
    public async Task AReportOfACallersProfile_KeepsItsVerdictsAndSeverities_ByName()
    {
        var strict = new CorsProfile("Strict", "the strict gateway") { Errors = [CorsFindingCodes.MaxAge] };
        var server = new StubCorsServer().With("Access-Control-Allow-Origin", Probe.Origin).With("Access-Control-Allow-Methods", "PUT").With("Vary", "Origin");
        var report = await Probe.Through(server).RequireMethods("PUT").UsingProfile(strict).RunAsync();
        using var document = JsonDocument.Parse(report.ToJson());

        var read = CorsReport.FromJson(report.ToJson());

        report.Verdict.Should().Be(CorsVerdict.Denied, "a preflight without Access-Control-Max-Age is CORS104, an error under this profile");
        document.RootElement.GetProperty("verdicts").GetProperty("Strict").GetString().Should().Be("Denied");
        read.Profile.Name.Should().Be("Strict");
        read.VerdictFor(strict).Should().Be(CorsVerdict.Denied);
        read.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        read.Findings.Single(f => f.Code == CorsFindingCodes.MaxAge).SeverityUnder(strict).Should().Be(CorsSeverity.Error);
    }

    [Fact]
    public async Task EachExchange_SaysItsKind_AndWhatTheBrowserVerdictRestsOn()
    {
        using var document = JsonDocument.Parse((await ReportOf("stand-in")).ToJson());
        var post = document.RootElement.GetProperty("preflights")[0];

        post.GetProperty("kind").GetString().Should().Be("Preflight");
        post.GetProperty("evidence").GetString().Should().Be("StandIn");
        post.GetProperty("actualRequest").GetProperty("kind").GetString().Should().Be("StandIn");
        document.RootElement.GetProperty("preflights")[1].GetProperty("evidence").GetString().Should().Be("Preflight, StandIn");
    }

    [Fact]
    public async Task WhetherTheRawBytesWereRead_RoundTrips()
    {
        var json = JsonNode.Parse((await ReportOf("allowed")).ToJson())!;
        json["preflights"]![0]!["rawBytesRead"] = true;

        var exchange = CorsReport.FromJson(json.ToJsonString()).Preflights[0];

        exchange.RawBytesRead.Should().BeTrue();
        JsonNode.Parse(CorsReport.FromJson(json.ToJsonString()).ToJson())!["preflights"]![0]!["rawBytesRead"]!.GetValue<bool>().Should().BeTrue();
        (await ReportOf("allowed")).Preflights[0].RawBytesRead.Should().BeFalse("a stub handler gives parsed headers, not bytes");
    }

    [Fact]
    public void AVersion2Document_ReadsItsNestedExchange_AsTheActualRequest()
    {
        var json = JsonNode.Parse(MinimalJson())!;
        json["schemaVersion"] = 2;
        json["preflights"]![0]!["method"] = "GET";
        json["preflights"]![0]!["actualRequest"] = JsonNode.Parse("""
            { "method": "GET", "url": "https://api.example.com/quests", "browserSendsPreflight": false, "requestHeaders": [],
              "status": 200, "responseHeaders": [], "elapsedMilliseconds": 1 }
            """);

        var exchange = CorsReport.FromJson(json.ToJsonString()).Preflights.Single();

        exchange.Kind.Should().Be(ExchangeKind.Preflight);
        exchange.ActualRequest!.Kind.Should().Be(ExchangeKind.ActualRequest);
        exchange.Evidence.Should().Be(CorsEvidence.None, "versions before 3 did not record it");
    }

    [Fact]
    public async Task TheGalxeVerdict_IsWritten_OnlyWhenTheReportWasJudgedUnderIt()
    {
        using var galxe = JsonDocument.Parse((await ReportOf("galxe")).ToJson());
        using var alsoJudged = JsonDocument.Parse((await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).AlsoJudgeBy(CorsProfile.Galxe).RunAsync()).ToJson());

        galxe.RootElement.GetProperty("verdicts").GetProperty("Galxe").GetString().Should().Be("Denied", "GET and POST are not listed");
        alsoJudged.RootElement.GetProperty("verdicts").EnumerateObject().Select(p => p.Name).Should().Equal("Browser", "Chromium", "Firefox", "WebKit", "Galxe");
    }

    [Fact]
    public void AVersion5Document_KeepsTheGalxeVerdictItHolds()
    {
        var json = JsonNode.Parse(MinimalJson())!;
        json["schemaVersion"] = 5;
        json["verdicts"] = JsonNode.Parse("""{ "Browser": "Allowed", "Chromium": "Allowed", "Firefox": "Allowed", "WebKit": "Allowed", "Galxe": "Denied" }""");

        var report = CorsReport.FromJson(json.ToJsonString());

        report.Profiles.Should().Equal(CorsProfile.Browser, CorsProfile.Chromium, CorsProfile.Firefox, CorsProfile.WebKit, CorsProfile.Galxe);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Denied);
    }

    [Fact]
    public void AVersion4Finding_IsAboutEveryEngine()
    {
        var json = JsonNode.Parse(MinimalJson())!;
        json["schemaVersion"] = 4;
        json["findings"] = JsonNode.Parse("""[{ "code": "CORS104", "severity": "Info", "severities": { "Browser": "Info", "Galxe": "Info" }, "message": "No max-age." }]""");

        var finding = CorsReport.FromJson(json.ToJsonString()).Findings.Single();

        finding.Engines.Should().Equal(BrowserEngine.All, "versions before 5 wrote no engines on findings");
        finding.ToString().Should().EndWith(": No max-age.");
    }

    [Fact]
    public async Task AFindingAboutSomeEngines_NamesThemInTheJson()
    {
        var report = await ReportOf("per engine");

        using var document = JsonDocument.Parse(report.ToJson());

        document.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("code").GetString() == CorsFindingCodes.HeaderNotAllowed)
            .GetProperty("engines").EnumerateArray().Select(e => e.GetString()).Should().Equal("Firefox", "WebKit");
    }

    private static string MinimalJson() => """
        {
          "schemaVersion": 1, "url": "https://api.example.com/quests", "origin": "https://dashboard.galxe.com",
          "profile": "Browser", "credentials": false, "verdict": "Allowed", "verdicts": { "browser": "Allowed", "galxe": "Allowed" },
          "elapsedMilliseconds": 12.5, "findings": [],
          "preflights": [{ "method": "PUT", "url": "https://api.example.com/quests", "browserSendsPreflight": true,
            "requestHeaders": [["Access-Control-Request-Method", "PUT"], ["Origin", "https://dashboard.galxe.com"]],
            "status": 204, "responseHeaders": [["Access-Control-Allow-Origin", "*"]], "elapsedMilliseconds": 12.5 }]
        }
        """;
}

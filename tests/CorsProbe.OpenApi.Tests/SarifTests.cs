using System.Text.Json;
using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;

namespace CorsProbing.OpenApi.Tests;

/// <summary>The OpenAPI report as SARIF: valid by Microsoft's validator (with GitHub's rules), each finding at its operation's line.</summary>
public sealed class SarifTests(QuestsApi api) : IClassFixture<QuestsApi>
{
    private Task<OpenApiCorsReport> QuestsAsync(string document) =>
        OpenApiProbe.FromFile(Path.Combine(AppContext.BaseDirectory, "Documents", document))
            .WithOrigin(QuestsApi.Origin)
            .WithServer(api.BaseUrl)
            .ConfigureProbes(probe => probe.AllowLoopback().Audit())
            .ProbeAsync(TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("quests.3.0.yaml")]
    [InlineData("quests.2.0.json")]
    public async Task The_SARIF_log_passes_the_validator_with_GitHubs_rules(string document)
    {
        var validation = await SarifValidator.ValidateAsync((await QuestsAsync(document)).ToSarif(), TestContext.Current.CancellationToken);

        validation.ExitCode.Should().Be(0, validation.Output);
        validation.Problems.Should().BeEmpty(validation.Output);
        validation.Output.Should().Contain("Analysis completed successfully");
    }

    [Fact]
    public async Task Each_finding_is_a_result_at_its_operations_line_under_a_rule_of_its_code()
    {
        var report = await QuestsAsync("quests.3.0.yaml");
        using var sarif = JsonDocument.Parse(report.ToSarif());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        results.Should().HaveCount(report.Operations.Sum(o => o.Report.Findings.Count + o.Report.SecurityFindings.Count));
        var getMe = results.Single(r => r.GetProperty("ruleId").GetString() == CorsFindingCodes.HeaderNotAllowed
            && r.GetProperty("message").GetProperty("text").GetString()!.StartsWith("GET /me (getMe): ", StringComparison.Ordinal));
        getMe.GetProperty("level").GetString().Should().Be("error");
        var location = getMe.GetProperty("locations")[0];
        location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(report.Operations.Single(o => o.Name == "getMe").Location.Line);
        location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString().Should().Be("GET /me");
        getMe.GetProperty("message").GetProperty("text").GetString().Should().Contain(" Fix: Add authorization to Access-Control-Allow-Headers");

        var rule = rules[getMe.GetProperty("ruleIndex").GetInt32()];
        rule.GetProperty("id").GetString().Should().Be(CorsFindingCodes.HeaderNotAllowed);
        rule.GetProperty("name").GetString().Should().Be(nameof(CorsFindingCodes.HeaderNotAllowed));
        rule.GetProperty("helpUri").GetString().Should().Be("https://github.com/corsprobe/CorsProbe#finding-codes");
        rule.GetProperty("help").GetProperty("text").GetString().Should().StartWith("A request header is not allowed.");
        rules.Select(r => r.GetProperty("id").GetString()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_note_is_a_note_and_an_audit_finding_carries_its_CWE()
    {
        using var sarif = JsonDocument.Parse((await QuestsAsync("quests.3.0.yaml")).ToSarif());
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Where(r => r.GetProperty("ruleId").GetString() == CorsFindingCodes.NoPreflightInBrowser)
            .Should().NotBeEmpty().And.OnlyContain(r => r.GetProperty("level").GetString() == "note");

        // A server that echoes every origin, with credentials: the audit's critical finding.
        var (app, baseUrl) = await LoopbackKestrel.StartAsync(null, app => app.Run(context =>
        {
            context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;
            context.Response.Headers.AccessControlAllowCredentials = "true";
            return Task.CompletedTask;
        }));
        await using (app)
        {
            var echoed = await OpenApiProbe.FromText(Plans.Document("get:\n  responses: {'200': {description: ok}}\n", servers: $"servers:\n  - url: {baseUrl}\n"))
                .WithOrigin(QuestsApi.Origin)
                .ConfigureProbes(probe => probe.AllowLoopback().Audit())
                .ProbeAsync(TestContext.Current.CancellationToken);
            using var audited = JsonDocument.Parse(echoed.ToSarif());
            var run = audited.RootElement.GetProperty("runs")[0];

            var critical = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == CorsFindingCodes.ReflectsAnyOriginWithCredentials);
            critical.GetProperty("level").GetString().Should().Be("error");
            var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[critical.GetProperty("ruleIndex").GetInt32()];
            rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Contain(["security", "external/cwe/cwe-942"]);
            rule.GetProperty("properties").GetProperty("security-severity").GetString().Should().Be("9.5");
            rule.GetProperty("helpUri").GetString().Should().Be("https://github.com/corsprobe/CorsProbe#auditing-a-cors-setup");
            (await SarifValidator.ValidateAsync(echoed.ToSarif(), TestContext.Current.CancellationToken)).Problems.Should().BeEmpty();
        }
    }
}

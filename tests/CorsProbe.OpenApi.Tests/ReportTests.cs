using System.Text.Json;
using CorsProbing.Testing;
using Json.Schema;

namespace CorsProbing.OpenApi.Tests;

/// <summary>The report's text, its JSON against the published schema, and where each operation is in its document.</summary>
public sealed class ReportTests(QuestsApi api) : IClassFixture<QuestsApi>
{
    // Built once: the library's global registry refuses a second schema with the same $id. The report schema is
    // loaded first, so the OpenAPI schema's reference to it resolves.
    private static readonly Lazy<JsonSchema> PublishedSchema = new(() =>
    {
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Repository.Root, "docs", "report.schema.json")));
        return JsonSchema.FromText(File.ReadAllText(Path.Combine(Repository.Root, "docs", "openapi-report.schema.json")));
    });

    private Task<OpenApiCorsReport> QuestsAsync(string document = "quests.3.0.yaml") =>
        OpenApiProbe.FromFile(Path.Combine(AppContext.BaseDirectory, "Documents", document))
            .WithOrigin(QuestsApi.Origin)
            .WithServer(api.BaseUrl)
            .ConfigureProbes(probe => probe.AllowLoopback())
            .ProbeAsync(TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("quests.2.0.json")]
    [InlineData("quests.3.1.yaml")]
    public async Task The_JSON_is_valid_against_the_published_schema(string document)
    {
        using var json = JsonDocument.Parse((await QuestsAsync(document)).ToJson());

        var result = PublishedSchema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.Should().BeTrue(string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public async Task The_JSON_gives_each_way_of_calling_its_requirements_with_reasons_and_its_report()
    {
        using var json = JsonDocument.Parse((await QuestsAsync()).ToJson());
        var root = json.RootElement;

        root.GetProperty("schemaVersion").GetInt32().Should().Be(OpenApiCorsReport.JsonSchemaVersion).And.Be(1);
        root.GetProperty("summary").GetProperty("denied").GetInt32().Should().Be(5);
        var getMe = root.GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "getMe");
        getMe.GetProperty("location").GetProperty("jsonPointer").GetString().Should().Be("/paths/~1me/get");
        getMe.GetProperty("requirements").EnumerateArray().Should().Contain(r =>
            r.GetProperty("kind").GetString() == "Header" && r.GetProperty("name").GetString() == "Authorization"
            && r.GetProperty("reason").GetString() == "security scheme 'bearerAuth' of the operation's security (HTTP bearer)");
        CorsReport.FromJson(getMe.GetProperty("report").GetRawText()).Findings.Should().Contain(f => f.Code == CorsFindingCodes.HeaderNotAllowed);
    }

    [Fact]
    public async Task The_text_counts_the_operations_and_shows_each_with_its_location_request_and_errors()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Documents", "quests.3.0.yaml");

        var text = (await QuestsAsync()).ToString();

        text.Should().StartWith($"OpenAPI 3.0.3 document {file} (\"Quests API\"), probed from https://dashboard.galxe.com under the Browser profile{Environment.NewLine}9 operations: 4 allowed, 5 denied, 0 unreachable");
        text.Should().Contain($"Denied      GET /me (getMe)  [{file}:66]{Environment.NewLine}  GET {api.BaseUrl}/me{Environment.NewLine}  header Authorization (security scheme 'bearerAuth' of the operation's security (HTTP bearer)){Environment.NewLine}  CORS013 error:");
    }

    [Theory]
    [InlineData("quests.3.0.yaml", 16, 66)]
    [InlineData("quests.3.0.json", 24, 110)]
    public async Task Each_operation_is_located_at_the_line_of_its_key(string document, int listQuests, int getMe)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Documents", document));

        var report = await QuestsAsync(document);

        var located = report.Operations.Single(o => o.Name == "listQuests").Location;
        located.Line.Should().Be(listQuests);
        lines[listQuests - 1].Trim().Should().StartWith(document.EndsWith(".json", StringComparison.Ordinal) ? "\"get\"" : "get:");
        report.Operations.Single(o => o.Name == "getMe").Location.Line.Should().Be(getMe);
        lines[getMe - 1].Trim().Should().StartWith(document.EndsWith(".json", StringComparison.Ordinal) ? "\"get\"" : "get:");
        located.ToString().Should().EndWith($"{document}:{listQuests}");
    }
}

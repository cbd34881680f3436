using System.Text.Json;
using CorsProbing.Testing;

namespace CorsProbing.Tests.Cli;

/// <summary><c>corsprobe --openapi</c>: every operation of a document, exit codes by the worst, JSON and SARIF, the flags' own errors.</summary>
public sealed class CliOpenApiTests : IDisposable
{
    // Two operations: a GET with an API key, and a DELETE the stub allows or not.
    private const string Document = """
        openapi: 3.0.3
        info: {title: Quests, version: '1'}
        servers: [{url: 'https://api.example.com'}]
        paths:
          /quests/{id}:
            get:
              operationId: getQuest
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses: {'200': {description: ok}}
            delete:
              operationId: deleteQuest
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses: {'204': {description: ok}}
        """;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"corsprobe-cli-{Guid.NewGuid():N}.yaml");

    public CliOpenApiTests() => File.WriteAllText(_file, Document);

    public void Dispose() => File.Delete(_file);

    private Task<(int Code, string Output, string Error)> Run(StubCorsServer server, params string[] extra) =>
        Tool.Run(server, ["--openapi", _file, "--origin", Probe.Origin, .. extra]);

    [Fact]
    public async Task Every_operation_is_probed_and_the_command_exits_with_the_worst()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "GET");

        var (code, output, error) = await Run(server);

        code.Should().Be(1);
        output.Should().StartWith($"OpenAPI 3.0.3 document {_file} (\"Quests\"), probed from {Probe.Origin} under the Browser profile");
        output.Should().Contain("Allowed     GET /quests/{id} (getQuest)").And.Contain("Denied      DELETE /quests/{id} (deleteQuest)").And.Contain("CORS011 error:");
        error.Should().Be($"Exit 1: 2 operations: 1 allowed, 1 denied, 0 unreachable.{Environment.NewLine}");
        server.AllReceived.Should().OnlyContain(r => r.RequestUri!.AbsoluteUri == "https://api.example.com/quests/1", "the placeholder of an integer is 1");
    }

    [Fact]
    public async Task An_allowed_document_exits_zero_and_the_flags_reach_the_requests()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "X-Requested-With");

        var (code, _, error) = await Run(server, "--server", "https://staging.example.com/v2", "--param", "id=7", "-H", "X-Requested-With");

        code.Should().Be(0, error);
        server.AllReceived.Should().OnlyContain(r => r.RequestUri!.AbsoluteUri == "https://staging.example.com/v2/quests/7");
        server.AllReceived.Where(r => r.Method == HttpMethod.Options).Should().OnlyContain(r => r.Headers.GetValues("Access-Control-Request-Headers").Single() == "x-requested-with");
    }

    [Fact]
    public async Task Json_is_the_documented_OpenAPI_report()
    {
        var (_, output, _) = await Run(StubCorsServer.Allowing(Probe.Origin), "--json");

        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("schemaVersion").GetInt32().Should().Be(OpenApi.OpenApiCorsReport.JsonSchemaVersion);
        json.RootElement.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("name").GetString()).Should().Equal("getQuest", "deleteQuest");
    }

    [Fact]
    public async Task Sarif_is_a_valid_log_located_in_the_document()
    {
        var (code, output, _) = await Run(StubCorsServer.Allowing(Probe.Origin, methods: "GET"), "--sarif");

        code.Should().Be(1);
        (await SarifValidator.ValidateAsync(output, TestContext.Current.CancellationToken)).Problems.Should().BeEmpty();
        using var sarif = JsonDocument.Parse(output);
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == CorsFindingCodes.MethodNotAllowed);
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(10);
    }

    [Fact]
    public async Task Sarif_is_written_for_a_URL_and_for_a_batch_too()
    {
        var (_, single, _) = await Tool.Run(StubCorsServer.Allowing(Probe.Origin), Probe.Url, "--origin", Probe.Origin, "--sarif");
        var list = Path.GetTempFileName();
        await File.WriteAllLinesAsync(list, [Probe.Url, "https://api.example.com/other"], TestContext.Current.CancellationToken);
        try
        {
            var (_, batch, _) = await Tool.Run(StubCorsServer.Allowing(Probe.Origin), "--input", list, "--origin", Probe.Origin, "--sarif");

            foreach (var log in new[] { single, batch })
            {
                (await SarifValidator.ValidateAsync(log, TestContext.Current.CancellationToken)).Problems.Should().BeEmpty();
            }

            using var json = JsonDocument.Parse(batch);
            json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("properties").GetProperty("url").GetString()).Distinct().Should().Equal(Probe.Url, "https://api.example.com/other");
        }
        finally
        {
            File.Delete(list);
        }
    }

    [Theory]
    [InlineData("--server applies only to --openapi.", "https://api.example.com/quests", "--server", "https://x.example")]
    [InlineData("Give --json or --sarif, not both.", "https://api.example.com/quests", "--json", "--sarif")]
    [InlineData("one of them.", "https://api.example.com/quests", "--openapi", "api.yaml")]
    public async Task Flags_that_cannot_go_together_are_refused_naming_them(string message, params string[] args)
    {
        var (code, _, error) = await Tool.Run(new StubCorsServer(), [.. args, "--origin", Probe.Origin]);

        code.Should().Be(64);
        error.Should().Contain(message);
    }

    [Theory]
    [InlineData("--method does not apply to --openapi", "-m", "PUT")]
    [InlineData("--param id: give NAME=VALUE, such as --param questId=42.", "--param", "id")]
    [InlineData("--max-document-size must be a positive number of bytes, not 0.", "--max-document-size", "0")]
    public async Task OpenApi_flags_with_bad_values_are_refused(string message, params string[] extra)
    {
        var (code, _, error) = await Run(new StubCorsServer(), extra);

        code.Should().Be(64);
        error.Should().Contain(message);
    }

    [Fact]
    public async Task A_document_that_cannot_be_probed_names_the_flag_that_fixes_it_and_probes_nothing()
    {
        await File.WriteAllTextAsync(_file, Document.Replace("servers: [{url: 'https://api.example.com'}]", "servers: [{url: /v1}]", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var server = new StubCorsServer();

        var (code, _, error) = await Run(server);

        code.Should().Be(64);
        error.Should().Contain("add --server URL with the API's base URL.").And.Contain("nothing was probed");
        server.AllReceived.Should().BeEmpty();
    }
}

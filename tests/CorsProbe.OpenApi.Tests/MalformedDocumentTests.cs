using System.Text;

namespace CorsProbing.OpenApi.Tests;

/// <summary>A document that cannot be probed gives an error naming the problem, and nothing is probed.</summary>
public sealed class MalformedDocumentTests(QuestsApi api) : IClassFixture<QuestsApi>
{
    private const string Get = "get:\n  responses:\n    '200':\n      description: ok\n";

    public static TheoryData<string, string> Malformed => new()
    {
        { "{\"name\": \"not an API\"}", "is not an OpenAPI document: its top level has neither 'openapi' (3.x) nor 'swagger' (2.0)" },
        { "just: some\nyaml: [1, 2]\n", "is not an OpenAPI document" },
        { "Hello, world", "is not an OpenAPI document: its top level is not a mapping" },
        { "{\"openapi\": \"3.0.3\", ", "is not valid JSON" },
        { "openapi: 3.0.3\npaths: [unclosed\n", "is not valid YAML (line" },
        { "", "is empty" },
        {
            Plans.Document("get:\n  parameters:\n    - $ref: '#/components/parameters/missing'\n  responses:\n    '200':\n      description: ok\n"),
            "has a broken reference at /paths/~1items/get/parameters/0: $ref '#/components/parameters/missing' points at nothing"
        },
        { Plans.Document("get:\n  requestBody:\n    $ref: 'bodies.yaml#/Item'\n  responses:\n    '200':\n      description: ok\n"), "refers to another document at /paths/~1items/get/requestBody: $ref 'bodies.yaml#/Item'" },
        { "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n  /items: {get: {responses: {'200': {description: ok}}}}\n", "gives no server to resolve its paths against" },
        { "openapi: 9.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n", "declares OpenAPI 9.0.0, which CorsProbe does not read; it reads 2.0, 3.0 and 3.1." },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_document_is_refused_naming_the_problem_and_nothing_is_probed(string document, string problem)
    {
        api.Preflights.Clear();
        var file = Path.Combine(Path.GetTempPath(), $"corsprobe-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, document.Replace("https://api.example", api.BaseUrl, StringComparison.Ordinal), TestContext.Current.CancellationToken);
        try
        {
            var act = () => OpenApiProbe.FromFile(file).WithOrigin(QuestsApi.Origin).ConfigureProbes(p => p.AllowLoopback()).ProbeAsync(TestContext.Current.CancellationToken);

            (await act.Should().ThrowAsync<OpenApiDocumentException>()).Which.Message.Should().StartWith(file).And.Contain(problem);
            api.Preflights.Should().BeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_document_without_a_usable_server_names_the_call_that_gives_one()
    {
        var document = OpenApiProbe.FromText(Plans.Document(Get, servers: "servers:\n  - url: /v1\n")).WithOrigin(QuestsApi.Origin);
        (await document.Invoking(d => d.ProbeAsync(TestContext.Current.CancellationToken)).Should().ThrowAsync<OpenApiDocumentException>())
            .Which.Message.Should().Contain("its server '/v1' is not an absolute http(s) URL").And.EndWith("name the API's base URL with WithServer(\"https://api.example\").");
        (await document.WithServer(api.BaseUrl).ConfigureProbes(p => p.AllowLoopback()).ProbeAsync(TestContext.Current.CancellationToken)).IsAllowed.Should().BeTrue();
    }

    [Fact]
    public async Task Ten_megabytes_of_YAML_are_refused_before_they_are_parsed_naming_the_limit()
    {
        api.Preflights.Clear();
        var yaml = new StringBuilder(Plans.Document(Get).Replace("https://api.example", api.BaseUrl, StringComparison.Ordinal));
        yaml.Append("x-padding:\n");
        while (yaml.Length < 10 * 1024 * 1024)
        {
            yaml.Append("  - a line of padding that makes the document ten megabytes long\n");
        }

        var builder = await OpenApiProbe.FromStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes(yaml.ToString()[..(int)(OpenApiProbe.DefaultMaxDocumentSize - 1)])), cancellationToken: TestContext.Current.CancellationToken);
        var file = Path.Combine(Path.GetTempPath(), $"corsprobe-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml.ToString(), TestContext.Current.CancellationToken);
        try
        {
            var act = () => OpenApiProbe.FromFile(file).WithOrigin(QuestsApi.Origin).ProbeAsync(TestContext.Current.CancellationToken);

            (await act.Should().ThrowAsync<OpenApiDocumentException>()).Which.Message.Should()
                .Be($"{file} is larger than 8,388,608 bytes, the most CorsProbe reads of a document; raise the limit with WithMaxDocumentSize(bytes).");
            builder.Document.Should().Be("The OpenAPI document");
            await FluentActions.Awaiting(() => OpenApiProbe.FromStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes(yaml.ToString())), cancellationToken: TestContext.Current.CancellationToken))
                .Should().ThrowAsync<OpenApiDocumentException>().WithMessage("*more than 8,388,608 bytes*");
            api.Preflights.Should().BeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }
}

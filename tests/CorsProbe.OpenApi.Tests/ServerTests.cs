namespace CorsProbing.OpenApi.Tests;

/// <summary>Where each operation's URL comes from: the servers, their variables, the document's URL, the caller's server.</summary>
public sealed class ServerTests
{
    private const string Get = "get:\n  responses:\n    '200':\n      description: ok\n";

    [Fact]
    public async Task Server_variables_take_their_defaults()
    {
        var plan = await Plans.OfAsync(Plans.Document(Get, servers: "servers:\n  - url: https://{region}.api.example/{version}\n    variables:\n      region:\n        default: eu\n        enum: [eu, us]\n      version:\n        default: v2\n"));

        plan.Operations.Single().Url.Should().Be("https://eu.api.example/v2/items");
    }

    [Fact]
    public async Task The_first_server_is_used_when_there_are_several()
    {
        var plan = await Plans.OfAsync(Plans.Document(Get, servers: "servers:\n  - url: https://production.example\n  - url: https://staging.example\n"));

        plan.Operations.Single().Url.Should().Be("https://production.example/items");
        plan.Operations.Single().Of(OpenApiRequirementKind.Server).Single().Reason.Should().Contain("first of its 2 servers");
    }

    [Fact]
    public async Task A_relative_server_resolves_against_the_URL_the_document_was_read_from()
    {
        var plan = await Plans.OfAsync(Plans.Document(Get, servers: "servers:\n  - url: /v1\n"), documentUrl: new Uri("https://api.example/docs/openapi.yaml"));

        plan.Operations.Single().Url.Should().Be("https://api.example/v1/items");
    }

    [Fact]
    public async Task A_document_without_servers_is_served_from_the_root_of_its_URL()
    {
        var plan = await Plans.OfAsync(Plans.Document(Get, servers: ""), documentUrl: new Uri("https://api.example/docs/openapi.yaml"));

        plan.Operations.Single().Url.Should().Be("https://api.example/items");
    }

    [Fact]
    public async Task The_callers_server_replaces_the_documents()
    {
        var plan = await Plans.OfAsync(Plans.Document(Get), builder => builder.WithServer("http://127.0.0.1:8080/api/"));

        plan.Operations.Single().Url.Should().Be("http://127.0.0.1:8080/api/items");
        plan.Operations.Single().Of(OpenApiRequirementKind.Server).Single().Reason.Should().Contain("the caller's server");
    }

    [Fact]
    public async Task An_operations_own_servers_replace_its_paths_and_the_documents()
    {
        var plan = await Plans.OfAsync(Plans.Document(
            "servers:\n  - url: https://path.example\nget:\n  responses:\n    '200':\n      description: ok\npost:\n  servers:\n    - url: https://operation.example\n  responses:\n    '200':\n      description: ok\n"));

        plan.Operations.Select(o => o.Url).Should().Equal("https://path.example/items", "https://operation.example/items");
    }

    [Fact]
    public async Task A_swagger_2_document_is_served_from_its_scheme_host_and_base_path()
    {
        var plan = await Plans.OfAsync("swagger: '2.0'\ninfo:\n  title: T\n  version: '1'\nhost: api.example\nbasePath: /v1\nschemes: [https]\npaths:\n  /items:\n    get:\n      responses:\n        '200':\n          description: ok\n");

        plan.Operations.Single().Url.Should().Be("https://api.example/v1/items");
        plan.SpecificationVersion.Should().Be("2.0");
    }

    [Fact]
    public async Task Required_query_parameters_are_added_with_their_values()
    {
        var plan = await Plans.OfAsync(Plans.Document(
            "get:\n  parameters:\n    - name: page\n      in: query\n      required: true\n      schema:\n        type: integer\n        default: 1\n    - name: filter\n      in: query\n      schema:\n        type: string\n  responses:\n    '200':\n      description: ok\n"));

        plan.Operations.Single().Url.Should().Be("https://api.example/items?page=1", "an optional query parameter is added only when the caller gives it");
    }
}

namespace CorsProbing.OpenApi.Tests;

/// <summary>Security schemes and their alternatives, as the page sends each.</summary>
public sealed class SecurityTests
{
    private static string Secured(string scheme, string security = "security:\n  - s: []\n") =>
        Plans.Document($"get:\n{Plans.Indent(security, 2)}  responses:\n    '200':\n      description: ok\n", $"components:\n  securitySchemes:\n    s:\n{Plans.Indent(scheme, 6)}");

    public static TheoryData<string, string> HeaderSchemes => new()
    {
        { "type: apiKey\nin: header\nname: X-Api-Key", "X-Api-Key" },
        { "type: http\nscheme: bearer\nbearerFormat: JWT", "Authorization" },
        { "type: http\nscheme: basic", "Authorization" },
        { "type: oauth2\nflows:\n  clientCredentials:\n    tokenUrl: https://auth.example/token\n    scopes: {}", "Authorization" },
        { "type: openIdConnect\nopenIdConnectUrl: https://auth.example/.well-known/openid-configuration", "Authorization" },
    };

    [Theory]
    [MemberData(nameof(HeaderSchemes))]
    public async Task A_scheme_sent_in_a_header_requires_that_header(string scheme, string header)
    {
        var operation = (await Plans.OfAsync(Secured(scheme))).Operations.Single();

        operation.Of(OpenApiRequirementKind.Header).Single().Name.Should().Be(header);
        operation.Of(OpenApiRequirementKind.Header).Single().Reason.Should().StartWith("security scheme 's'");
        operation.Credentials.Should().BeFalse();
    }

    [Theory]
    [InlineData("type: apiKey\nin: cookie\nname: sid")]
    [InlineData("type: mutualTLS")]
    public async Task A_cookie_or_a_client_certificate_requires_credentials(string scheme)
    {
        var operation = (await Plans.OfAsync(Secured(scheme).Replace("openapi: 3.0.3", "openapi: 3.1.0", StringComparison.Ordinal))).Operations.Single();

        operation.Credentials.Should().BeTrue();
        operation.Of(OpenApiRequirementKind.Header).Should().BeEmpty();
    }

    [Fact]
    public async Task An_api_key_in_the_query_adds_no_header()
    {
        var operation = (await Plans.OfAsync(Secured("type: apiKey\nin: query\nname: key"))).Operations.Single();

        operation.Of(OpenApiRequirementKind.Header).Should().BeEmpty();
        operation.Of(OpenApiRequirementKind.NotSent).Single().Name.Should().Be("key");
    }

    [Fact]
    public async Task Each_alternative_is_its_own_way_of_calling_and_the_schemes_of_one_are_sent_together()
    {
        var document = Plans.Document(
            "get:\n  security:\n    - key: []\n      basic: []\n    - bearer: []\n    - {}\n  responses:\n    '200':\n      description: ok\n",
            "components:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: X-Key}\n    basic: {type: http, scheme: basic}\n    bearer: {type: http, scheme: bearer}\n");

        var operations = (await Plans.OfAsync(document)).Operations;

        operations.Select(o => o.Alternative).Should().Equal("security: key + basic", "security: bearer", "security: none");
        operations.Select(o => string.Join(",", o.Headers.Select(h => h.Name))).Should().Equal("X-Key,Authorization", "Authorization", "");
    }

    [Fact]
    public async Task An_operations_security_replaces_the_documents_and_an_empty_list_means_none()
    {
        var document =
            "openapi: 3.0.3\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://api.example'}]\nsecurity:\n  - key: []\npaths:\n" +
            "  /inherits:\n    get:\n      responses: {'200': {description: ok}}\n" +
            "  /public:\n    get:\n      security: []\n      responses: {'200': {description: ok}}\n" +
            "  /own:\n    get:\n      security: [{bearer: []}]\n      responses: {'200': {description: ok}}\n" +
            "components:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: X-Key}\n    bearer: {type: http, scheme: bearer}\n";

        var operations = (await Plans.OfAsync(document)).Operations;

        operations.Select(o => string.Join(",", o.Headers.Select(h => h.Name))).Should().Equal("X-Key", "", "Authorization");
        operations[0].Headers.Should().ContainSingle().Which.Should().Be(("X-Key", (string?)null));
    }

    [Fact]
    public async Task A_requirement_naming_an_undefined_scheme_is_refused_naming_it()
    {
        var act = () => Plans.OfAsync(Plans.Document("get:\n  security: [{missing: []}]\n  responses: {'200': {description: ok}}\n"));

        (await act.Should().ThrowAsync<OpenApiDocumentException>()).Which.Message.Should().Contain("'missing'").And.Contain("does not define");
    }
}

namespace CorsProbing.OpenApi.Tests;

/// <summary>Path and header parameters: their values, and which headers are sent.</summary>
public sealed class ParameterTests
{
    private static string Operation(string parameters) =>
        $"get:\n  parameters:\n{Plans.Indent(parameters, 4)}  responses:\n    '200':\n      description: ok\n";

    [Fact]
    public async Task Path_parameters_take_the_callers_value_then_the_example_then_the_default_then_a_placeholder_the_report_names()
    {
        var plan = await Plans.OfAsync(
            Plans.Document(
                Operation(
                    "- {name: given, in: path, required: true, schema: {type: string}, example: not-this}\n" +
                    "- {name: example, in: path, required: true, schema: {type: string}, example: ex}\n" +
                    "- {name: default, in: path, required: true, schema: {type: string, default: def}}\n" +
                    "- {name: number, in: path, required: true, schema: {type: integer}}\n" +
                    "- {name: id, in: path, required: true, schema: {type: string, format: uuid}}\n"),
                path: "/a/{given}/{example}/{default}/{number}/{id}"),
            builder => builder.WithParameter("given", "mine/1"));

        var operation = plan.Operations.Single();
        operation.Url.Should().Be("https://api.example/a/mine%2F1/ex/def/1/00000000-0000-0000-0000-000000000000");
        operation.Of(OpenApiRequirementKind.PathParameter).Select(r => r.Reason).Should().Equal(
            "the caller's value", "its example", "its schema's default",
            "a placeholder: the document gives no example or default; give a value with WithParameter(\"number\", \"...\")",
            "a placeholder: the document gives no example or default; give a value with WithParameter(\"id\", \"...\")");
    }

    [Fact]
    public async Task A_header_parameter_is_sent_with_its_example_so_a_browser_safelists_it_when_its_value_allows()
    {
        var plan = await Plans.OfAsync(Plans.Document(Operation(
            "- {name: Content-Language, in: header, required: true, schema: {type: string}, example: en}\n- {name: X-Trace, in: header, required: true, schema: {type: string}}\n")));

        plan.Operations.Single().Of(OpenApiRequirementKind.Header).Select(r => (r.Name, r.Value)).Should().Equal(("Content-Language", "en"), ("X-Trace", null));
    }

    [Fact]
    public async Task Optional_headers_are_sent_unless_the_caller_leaves_them_out()
    {
        var document = Plans.Document(Operation("- {name: X-Optional, in: header, schema: {type: string}}\n- {name: X-Required, in: header, required: true, schema: {type: string}}\n"));

        (await Plans.OfAsync(document)).Operations.Single().Of(OpenApiRequirementKind.Header).Select(r => r.Name).Should().Equal("X-Optional", "X-Required");
        (await Plans.OfAsync(document, builder => builder.WithoutOptionalHeaders())).Operations.Single().Of(OpenApiRequirementKind.Header).Select(r => r.Name).Should().Equal("X-Required");
    }

    [Fact]
    public async Task OpenApi_3_ignores_header_parameters_named_Accept_Content_Type_or_Authorization()
    {
        var plan = await Plans.OfAsync(Plans.Document(Operation("- {name: Authorization, in: header, required: true, schema: {type: string}}\n- {name: Accept, in: header, required: true, schema: {type: string}}\n")));

        plan.Operations.Single().Of(OpenApiRequirementKind.Header).Should().BeEmpty();
        plan.Operations.Single().Of(OpenApiRequirementKind.NotSent).Select(r => r.Name).Should().Equal("Authorization", "Accept");
    }

    [Fact]
    public async Task Swagger_2_sends_an_Authorization_header_parameter()
    {
        var plan = await Plans.OfAsync("swagger: '2.0'\ninfo: {title: T, version: '1'}\nhost: api.example\npaths:\n  /items:\n    get:\n      parameters:\n        - {name: Authorization, in: header, required: true, type: string}\n      responses:\n        '200': {description: ok}\n");

        plan.Operations.Single().Of(OpenApiRequirementKind.Header).Select(r => r.Name).Should().Equal("Authorization");
    }

    [Fact]
    public async Task A_header_no_page_can_set_is_left_out_with_the_reason_and_a_cookie_parameter_sends_credentials()
    {
        var plan = await Plans.OfAsync(Plans.Document(Operation("- {name: Host, in: header, required: true, schema: {type: string}}\n- {name: session, in: cookie, required: true, schema: {type: string}}\n")));

        var operation = plan.Operations.Single();
        operation.Of(OpenApiRequirementKind.NotSent).Single().Reason.Should().Contain("forbidden request-header");
        operation.Credentials.Should().BeTrue();
        operation.Of(OpenApiRequirementKind.Credentials).Single().Reason.Should().Contain("cookie parameter 'session'");
    }
}

namespace CorsProbing.OpenApi.Tests;

/// <summary>Request bodies: each media type sets Content-Type, which browsers safelist only for form, multipart and plain text.</summary>
public sealed class BodyTests
{
    private static string WithBody(string method, string types) =>
        Plans.Document($"{method}:\n  requestBody:\n    content:\n{Plans.Indent(string.Concat(types.Split(',').Select(t => $"'{t}': {{}}\n")), 6)}  responses:\n    '200':\n      description: ok\n");

    [Fact]
    public async Task Each_media_type_is_a_way_of_calling_that_sets_Content_Type_to_it()
    {
        var operations = (await Plans.OfAsync(WithBody("post", "application/json,application/x-www-form-urlencoded,multipart/form-data,text/plain"))).Operations;

        operations.Select(o => o.Headers.Single()).Should().Equal(
            ("Content-Type", "application/json"), ("Content-Type", "application/x-www-form-urlencoded"), ("Content-Type", "multipart/form-data"), ("Content-Type", "text/plain"));
        operations.Select(o => o.Alternative).Should().Equal("body: application/json", "body: application/x-www-form-urlencoded", "body: multipart/form-data", "body: text/plain");
    }

    [Fact]
    public async Task Types_that_ask_the_same_preflight_share_one_probe_key_and_safelisted_ones_another()
    {
        var operations = (await Plans.OfAsync(WithBody("put", "application/json,text/json,application/problem+json,text/plain,multipart/form-data"))).Operations;

        operations.Select(o => o.ProbeKey).Distinct().Should().HaveCount(2, "JSON types all ask for content-type; plain text and multipart ask for nothing");
    }

    [Fact]
    public async Task A_body_on_GET_is_not_sent_because_fetch_sends_none()
    {
        var operation = (await Plans.OfAsync(WithBody("get", "application/json"))).Operations.Single();

        operation.Headers.Should().BeEmpty();
        operation.Of(OpenApiRequirementKind.NotSent).Single().Reason.Should().Contain("no body with GET");
    }

    [Fact]
    public async Task Any_media_type_assumes_no_Content_Type()
    {
        var operation = (await Plans.OfAsync(WithBody("post", "*/*"))).Operations.Single();

        operation.Headers.Should().BeEmpty();
    }

    [Fact]
    public async Task An_operation_no_page_can_call_is_skipped_with_the_reason()
    {
        var plan = await Plans.OfAsync(Plans.Document("get:\n  responses: {'200': {description: ok}}\ntrace:\n  responses: {'200': {description: ok}}\n"));

        plan.Operations.Select(o => o.Method).Should().Equal("GET");
        plan.Skipped.Should().ContainSingle().Which.Should().Contain("TRACE /items");
    }
}

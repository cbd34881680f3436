using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;

namespace CorsProbing.OpenApi.Tests;

/// <summary>The builder: every bad argument refused at once with a message naming the fix, and every call a new builder.</summary>
public sealed class BuilderTests
{
    private static readonly OpenApiProbeBuilder Builder = OpenApiProbe.FromText("openapi: 3.0.3\n");

    public static TheoryData<string, Action> BadArguments => new()
    {
        { "'ftp://api.example/openapi.json' is not an absolute http or https URL.*", () => OpenApiProbe.FromUrl("ftp://api.example/openapi.json") },
        { "'/openapi.json' is relative; give the document's absolute http or https URL.*", () => OpenApiProbe.FromUrl(new Uri("/openapi.json", UriKind.Relative)) },
        { "The value cannot be an empty string.*", () => OpenApiProbe.FromFile("") },
        { "'not a url' is not an absolute http or https URL; give the API's base URL, such as https://api.example/v1.*", () => Builder.WithServer("not a url") },
        { "The value cannot be an empty string.*", () => Builder.WithParameter("", "1") },
        { "*must be a non-negative and non-zero value*", () => Builder.WithMaxDocumentSize(0) },
        { "The configuration returned no builder; return the one it was given, configured.*", () => Builder.ConfigureProbes(_ => null!) },
        { "*trailing slash*", () => Builder.WithOrigin("https://app.example/") },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void A_bad_argument_is_refused_at_once_naming_the_fix(string message, Action call) =>
        call.Should().Throw<ArgumentException>().WithMessage(message);

    [Fact]
    public async Task Every_call_returns_a_new_builder_and_leaves_the_one_it_was_called_on_as_it_was()
    {
        const string document = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://api.example'}]\npaths:\n  /items/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n        - {name: X-Optional, in: header, schema: {type: string}}\n      responses: {'200': {description: ok}}\n";
        var original = OpenApiProbe.FromText(document, Plans.DocumentUrl).WithOrigin("https://app.example");

        var changed = original.WithParameter("id", "7").WithServer("https://staging.example").WithoutOptionalHeaders().ConfigureProbes(p => p.WithCredentials());

        changed.Should().NotBeSameAs(original);
        var before = (await original.PlanAsync(TestContext.Current.CancellationToken)).Operations.Single();
        var after = (await changed.PlanAsync(TestContext.Current.CancellationToken)).Operations.Single();
        before.Url.Should().Be("https://api.example/items/example");
        before.Headers.Should().ContainSingle();
        after.Url.Should().Be("https://staging.example/items/7");
        after.Headers.Should().BeEmpty();
        original.ToString().Should().Be($"OpenAPI probe of {Plans.DocumentUrl} from https://app.example, Browser profile");
        changed.ToString().Should().Be($"OpenAPI probe of {Plans.DocumentUrl} from https://app.example, Browser profile, server https://staging.example/, required headers only");
    }

    [Fact]
    public async Task Credentials_the_template_sends_go_with_every_operation_and_its_headers_are_added()
    {
        var plan = await Plans.OfAsync(Plans.Document("get:\n  responses: {'200': {description: ok}}\n"), b => b.ConfigureProbes(p => p.WithCredentials().RequireHeaders("X-Requested-With")));
        var (app, baseUrl) = await LoopbackKestrel.StartAsync(null, app => app.Run(context =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "https://app.example";
            context.Response.Headers.AccessControlAllowCredentials = "true";
            context.Response.Headers.AccessControlAllowHeaders = "X-Requested-With";
            return Task.CompletedTask;
        }));
        await using (app)
        {
            var report = await OpenApiProbe.FromText(Plans.Document("get:\n  responses: {'200': {description: ok}}\n", servers: $"servers: [{{url: '{baseUrl}'}}]\n"))
                .WithOrigin("https://app.example")
                .ConfigureProbes(p => p.WithCredentials().RequireHeaders("X-Requested-With").AllowLoopback())
                .ProbeAsync(TestContext.Current.CancellationToken);

            plan.Operations.Single().Headers.Should().BeEmpty("the template's own headers are the template's, not the document's");
            var operation = report.Operations.Single();
            operation.Report.IncludesCredentials.Should().BeTrue();
            operation.Report.Preflights.Should().OnlyContain(e => e.RequestHeader("Access-Control-Request-Headers") == "x-requested-with");
            operation.Verdict.Should().Be(CorsVerdict.Allowed, operation.Report.ToString());
        }
    }
}

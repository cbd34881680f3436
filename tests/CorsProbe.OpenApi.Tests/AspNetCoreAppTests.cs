using Microsoft.AspNetCore.Mvc.Testing;

namespace CorsProbing.OpenApi.Tests;

/// <summary>
/// An ASP.NET Core app described by its own generated document (Microsoft.AspNetCore.OpenApi, /openapi/v1.json),
/// started with WebApplicationFactory: every endpoint probed through the test server in one test, as the README shows.
/// </summary>
public sealed class AspNetCoreAppTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    // The README's way: the app's own document, every endpoint probed through the test server.
    private Task<OpenApiCorsReport> ProbeAppAsync() =>
        OpenApiProbe.FromUrl("http://localhost/openapi/v1.json")
            .WithOrigin("https://dashboard.galxe.com")
            .ConfigureProbes(probe => probe.UsingHandler(factory.Server.CreateHandler()))
            .ProbeAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task Every_endpoint_of_the_app_is_probed_from_its_own_OpenAPI_document()
    {
        var report = await ProbeAppAsync();

        report.Operations.ToDictionary(o => o.Name, o => o.Verdict).Should().BeEquivalentTo(
            new Dictionary<string, CorsVerdict>
            {
                ["listQuests"] = CorsVerdict.Allowed,
                ["getQuest"] = CorsVerdict.Allowed,
                ["createQuest"] = CorsVerdict.Allowed,
                ["deleteQuest"] = CorsVerdict.Denied,
            },
            report.ToString());
        report.SpecificationVersion.Should().StartWith("3.1");
        report.Operations.Single(o => o.Name == "createQuest").Requirements.Should().Contain(r => r.Kind == OpenApiRequirementKind.Header && r.Name == "Content-Type" && r.Value == "application/json");
        report.Operations.Single(o => o.Name == "deleteQuest").Report.Findings.Should().Contain(f => f.Code == CorsFindingCodes.MethodNotAllowed);
    }

    [Fact]
    public async Task The_README_assertion_names_every_endpoint_the_browser_would_refuse()
    {
        var report = await ProbeAppAsync();

        var act = () => report.Operations.Should().OnlyContain(operation => operation.Report.IsAllowed, report.ToString());

        act.Should().Throw<Exception>().Which.Message.Should().Contain("Denied      DELETE /quests/{id} (deleteQuest)").And.Contain("CORS011");
    }
}

using System.Net;
using System.Text.Json.Nodes;
using CorsProbing.Dashboard.Storage;
using CorsProbing.Dashboard.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CorsProbing.Dashboard.Tests;

/// <summary><c>POST /api/apis/openapi</c>: an API registered by its OpenAPI document's URL, every operation watched, one row each under the API.</summary>
public sealed class OpenApiRegistrationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private SwitchableCorsApi _api = null!;
    private FakeTimeProvider _clock = null!;
    private DashboardFactory _dashboard = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await SwitchableCorsApi.StartAsync();
        _clock = new FakeTimeProvider(Start);
        _dashboard = new DashboardFactory(("Dashboard:TrustedTargets:0", _api.Origin), ("Dashboard:RecheckInterval", "00:15:00")) { Clock = _clock };
        _client = _dashboard.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _dashboard.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Registering_a_document_watches_each_of_its_operations_listed_under_it()
    {
        var response = await _client.PostCheckAsync("/api/apis/openapi", new { url = _api.DocumentUrl, origin = "https://dashboard.galxe.com" }, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var registered = await response.ReadObjectAsync();
        registered["kind"]!.GetValue<string>().Should().Be("OpenApi");
        registered["url"]!.GetValue<string>().Should().Be(_api.DocumentUrl);
        registered["lastVerdict"]!.GetValue<string>().Should().Be("Denied", "deleting a quest is never allowed");
        registered["operations"]!.AsArray().Select(o => (o!["label"]!.GetValue<string>(), o["verdict"]!.GetValue<string>()))
            .Should().Equal((SwitchableCorsApi.Operations[0], "Allowed"), (SwitchableCorsApi.Operations[1], "Allowed"), (SwitchableCorsApi.Operations[2], "Denied"));

        var id = registered["id"]!.GetValue<long>();
        var listed = JsonNode.Parse(await _client.GetStringAsync("/api/apis", TestContext.Current.CancellationToken))!.AsArray().Single(a => a!["id"]!.GetValue<long>() == id)!;
        listed["operations"]!.AsArray().Should().HaveCount(3);
        var report = JsonNode.Parse(await _client.GetStringAsync($"/api/apis/{id}/report", TestContext.Current.CancellationToken))!;
        report["schemaVersion"]!.GetValue<int>().Should().Be(OpenApi.OpenApiCorsReport.JsonSchemaVersion);
        report["summary"]!["operations"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task Each_interval_the_watch_checks_every_operation_again_and_marks_the_one_that_regressed()
    {
        await _client.PostCheckAsync("/api/apis/openapi", new { url = _api.DocumentUrl, origin = "https://dashboard.galxe.com" }, TestContext.Current.CancellationToken);
        var document = (await _dashboard.ListAsync()).Single(a => a.Kind == ApiKind.OpenApi);

        _api.AllowsContentType = false;
        _clock.Advance(TimeSpan.FromMinutes(16));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await _dashboard.HistoryAsync(document.Id)).Count < 2)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the watch should have checked the document after the interval");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var rechecked = (await _dashboard.ListAsync()).Single(a => a.Id == document.Id);
        rechecked.Operations.Select(o => o.Verdict).Should().Equal(CorsVerdict.Allowed, CorsVerdict.Denied, CorsVerdict.Denied);
        rechecked.Operations[1].ErrorCodes.Should().Equal(CorsFindingCodes.HeaderNotAllowed);
        (await _dashboard.HistoryAsync(document.Id))[0].Summary.Should().StartWith("3 operations: 1 allowed, 2 denied, 0 unreachable; POST /quests (createQuest): CORS013");
    }

    [Theory]
    [InlineData("/moved", "/moved answered 302 Found: no OpenAPI document to read")]
    [InlineData("/quests", "is empty: no OpenAPI document to read")]
    public async Task A_document_that_cannot_be_probed_is_a_400_naming_why_and_registers_nothing(string path, string problem)
    {
        var before = (await _dashboard.ListAsync()).Count;

        var response = await _client.PostCheckAsync("/api/apis/openapi", new { url = _api.Origin + path }, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync("url")).Single().Should().Contain(problem);
        (await _dashboard.ListAsync()).Should().HaveCount(before);
    }

    [Fact]
    public async Task A_document_on_an_address_the_guard_refuses_is_a_400_and_is_not_fetched()
    {
        var response = await _client.PostCheckAsync("/api/apis/openapi", new { url = "http://10.0.0.1/openapi.json", origin = "https://dashboard.galxe.com" }, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync("url")).Single().Should().Contain("a private-network address, which the network policy refuses");
    }
}

using System.Net;
using System.Text.Json.Nodes;
using CorsProbing.Dashboard.Tests.Support;
using CorsProbing.Demo;

namespace CorsProbing.Dashboard.Tests;

/// <summary><c>/api/apis</c>: registering, listing with history, removing; the demo's setups registered on start.</summary>
public sealed class RegistrationTests : DashboardTest
{
    [Fact]
    public async Task The_demos_setups_are_registered_on_start_with_every_kind_of_verdict()
    {
        var apis = (await Dashboard.ListAsync());

        apis.Select(a => new Uri(a.Url).AbsolutePath).Should().BeEquivalentTo(DemoApi.Setups.Select(s => s.Path));
        apis.Should().OnlyContain(a => a.Origin == DemoApi.Galxe && a.LastCheckedAt != null);
        apis.Select(a => a.LastVerdict).Should().Contain(CorsVerdict.Allowed).And.Contain(CorsVerdict.Denied);
        apis.Single(a => a.Url.EndsWith("/missing-put", StringComparison.Ordinal)).Methods.Should().Equal("GET", "POST", "PUT");
    }

    [Fact]
    public async Task Registering_stores_the_api_with_its_first_check_and_lists_it()
    {
        var response = await Client.PostCheckAsync("/api/apis", new
        {
            url = DemoApi.Origin + "/open?tenant=7",
            origin = "https://app.customer.example",
            methods = new[] { "GET", "PUT" },
            headers = new[] { "Authorization", "Content-Type: application/json" },
        }, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var registered = await response.ReadObjectAsync();
        var id = registered["id"]!.GetValue<long>();
        response.Headers.Location!.OriginalString.Should().Be($"/api/apis/{id}");
        registered["lastVerdict"]!.GetValue<string>().Should().Be("Allowed");

        var list = JsonNode.Parse(await Client.GetStringAsync("/api/apis", TestContext.Current.CancellationToken))!.AsArray();
        var listed = list.Single(a => a!["id"]!.GetValue<long>() == id)!;
        listed["url"]!.GetValue<string>().Should().Be(DemoApi.Origin + "/open?tenant=7");
        listed["headers"]!.AsArray().Select(h => h!.GetValue<string>()).Should().Equal("Authorization", "Content-Type: application/json");

        var detail = JsonNode.Parse(await Client.GetStringAsync($"/api/apis/{id}", TestContext.Current.CancellationToken))!;
        detail["history"]!.AsArray().Should().ContainSingle().Which!["verdict"]!.GetValue<string>().Should().Be("Allowed");
        var report = CorsReport.FromJson(await Client.GetStringAsync($"/api/apis/{id}/report", TestContext.Current.CancellationToken));
        report.Origin.Should().Be("https://app.customer.example");
    }

    [Fact]
    public async Task Registering_the_same_url_and_origin_again_updates_it_instead_of_adding_one()
    {
        var before = (await Dashboard.ListAsync()).Count;
        object Request(string method) => new { url = DemoApi.Origin + "/missing-put", origin = DemoApi.Galxe, methods = new[] { "GET", method } };

        (await Client.PostCheckAsync("/api/apis", Request("POST"), TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.Created);
        var api = (await Dashboard.ListAsync()).Single(a => a.Url.EndsWith("/missing-put", StringComparison.Ordinal));

        (await Dashboard.ListAsync()).Should().HaveCount(before);
        api.Methods.Should().Equal("GET", "POST");
        api.LastVerdict.Should().Be(CorsVerdict.Allowed, "without PUT the setup allows the call");
        (await Dashboard.HistoryAsync(api.Id)).Select(c => c.Verdict).Should().Equal(CorsVerdict.Allowed, CorsVerdict.Denied);
    }

    [Fact]
    public async Task Removing_an_api_drops_it_and_its_history()
    {
        var api = (await Dashboard.ListAsync())[0];

        (await Client.DeleteAsync($"/api/apis/{api.Id}", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Client.GetAsync($"/api/apis/{api.Id}", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Dashboard.HistoryAsync(api.Id)).Should().BeEmpty();
        (await Client.DeleteAsync($"/api/apis/{api.Id}", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

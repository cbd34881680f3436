using System.Net;
using System.Text;
using CorsProbing.Dashboard.Tests.Support;
using CorsProbing.Demo;

namespace CorsProbing.Dashboard.Tests;

/// <summary><c>POST /api/check</c> against the demo's embedded API, through the SSRF-guarded client.</summary>
public sealed class CheckEndpointTests : DashboardTest
{
    [Fact]
    public async Task Check_returns_the_reports_json_with_a_verdict_per_profile()
    {
        var response = await Client.PostCheckAsync("/api/check", new
        {
            url = DemoApi.Origin + "/galxe-only",
            origin = DemoApi.Galxe,
            methods = new[] { "GET", "POST" },
            headers = new[] { "Content-Type" },
        }, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var report = CorsReport.FromJson(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        report.Url.AbsoluteUri.Should().Be(DemoApi.Origin + "/galxe-only");
        report.Origin.Should().Be(DemoApi.Galxe);
        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Denied, "the demo lists no headers, so browsers block the JSON POST");
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Allowed, "the platform's check does not look at headers");
        report.Findings.Should().Contain(f => f.Code == CorsFindingCodes.HeaderNotAllowed && f.Remedy != null);
    }

    [Fact]
    public async Task A_check_without_an_origin_is_told_to_fill_in_the_form_field_not_to_call_a_method()
    {
        var response = await Client.PostCheckAsync("/api/check", new { url = DemoApi.Origin + "/open", methods = new[] { "GET" } }, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.Should().Contain("Fill in the Origin field with the origin of the page that calls the API").And.NotContain("WithOrigin");
    }

    [Fact]
    public async Task Check_uses_the_chosen_profile_credentials_and_audit()
    {
        var response = await Client.PostCheckAsync("/api/check", new
        {
            url = DemoApi.Origin + "/open",
            origin = DemoApi.Galxe,
            methods = new[] { "GET" },
            profile = "galxe",
            credentials = true,
            audit = true,
        }, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var report = CorsReport.FromJson(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        report.Profile.Should().Be(CorsProfile.Galxe);
        report.IncludesCredentials.Should().BeTrue();
        report.IsAudited.Should().BeTrue();
        report.Verdict.Should().Be(CorsVerdict.Denied, "\"*\" is refused with credentials");
    }

    [Fact]
    public async Task The_demo_api_is_trusted_at_its_loopback_origin_too_so_this_machines_browser_can_verify_against_it()
    {
        var response = await Client.PostCheckAsync("/api/check", new { url = Dashboard.DemoLoopbackOrigin + "/open", origin = "http://localhost:5080" }, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        CorsReport.FromJson(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Verdict.Should().Be(CorsVerdict.Allowed);
    }

    [Fact]
    public async Task The_demo_endpoint_names_the_demo_apis_origins_and_setups()
    {
        var demo = await (await Client.GetAsync("/api/demo", TestContext.Current.CancellationToken)).ReadObjectAsync();

        demo["origin"]!.GetValue<string>().Should().Be(DemoApi.Origin);
        demo["loopbackOrigin"]!.GetValue<string>().Should().Be(Dashboard.DemoLoopbackOrigin);
        demo["setups"]!.AsArray().Select(s => s!["path"]!.GetValue<string>()).Should().Equal(DemoApi.Setups.Select(s => s.Path));
    }

    [Fact]
    public async Task Without_a_demo_the_demo_endpoint_is_a_404_and_nothing_is_registered()
    {
        await using var plain = new DashboardFactory(("Dashboard:Demo", "false"));
        using var client = plain.CreateClient();

        (await client.GetAsync("/api/demo", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await plain.ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Health_answers_healthy_when_the_store_can_be_read()
    {
        var response = await Client.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Be("Healthy");
    }

    [Fact]
    public async Task The_page_and_its_scripts_are_served()
    {
        var page = await Client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var list = await Client.GetStringAsync("/apis.html", TestContext.Current.CancellationToken);

        page.Should().Contain("id=\"check-form\"").And.Contain("check.js");
        list.Should().Contain("id=\"apis\"").And.Contain("apis.js");
    }

    [Theory]
    [MemberData(nameof(BadRequests.Cases), MemberType = typeof(BadRequests))]
    public async Task A_bad_check_is_a_400_naming_the_field_and_stores_nothing(string name, string field, string expected)
    {
        var before = (await Dashboard.ListAsync()).Count;

        foreach (var path in new[] { "/api/check", "/api/apis" })
        {
            using var response = await SendAsync(path, BadRequests.Body(name, DemoApi.Origin));

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"{name} on {path}");
            (await response.ReadProblemAsync(field)).Should().ContainSingle().Which.Should().Contain(expected);
        }

        (await Dashboard.ListAsync()).Should().HaveCount(before, "a refused request stores nothing");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var body = "{\"url\":\"" + new string('a', 40_000) + "\"}";

        using var response = await SendAsync("/api/check", body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("larger than 32,768 bytes");
    }

    [Fact]
    public async Task A_body_that_is_not_json_says_so()
    {
        using var response = await Client.PostAsync("/api/check", new StringContent("url=https://api.example.com", Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync("body")).Single().Should().Contain("Send the request as JSON");
    }

    private Task<HttpResponseMessage> SendAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}

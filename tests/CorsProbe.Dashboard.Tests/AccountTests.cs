using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CorsProbing.Dashboard.Tests.Support;
using CorsProbing.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsProbing.Dashboard.Tests;

/// <summary>Accounts: every <c>/api</c> endpoint needs one, an account reaches only its own APIs, keys are never shown.</summary>
public sealed class AccountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/apis" },
        { "POST", "/api/apis" },
        { "POST", "/api/check" },
        { "GET", "/api/apis/1" },
        { "GET", "/api/apis/1/report" },
        { "POST", "/api/apis/1/check" },
        { "DELETE", "/api/apis/1" },
        { "GET", "/api/deliveries" },
        { "GET", "/api/demo" },
        { "GET", "/api/antiforgery" },
    };

    [Theory, MemberData(nameof(Endpoints))]
    public async Task Every_api_endpoint_answers_401_without_an_account_or_with_a_wrong_key(string method, string path)
    {
        await using var dashboard = new DashboardFactory();
        using var anonymous = dashboard.CreateClientFor(null);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { url = DemoApi.Origin + "/open" }) : null };
        (await anonymous.SendAsync(request, Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var wrong = dashboard.CreateClientFor(null);
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key-of-anyone-at-all");
        using var again = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { url = DemoApi.Origin + "/open" }) : null };
        using var refused = await wrong.SendAsync(again, Ct);
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Another_accounts_api_is_a_404_for_reading_its_report_a_recheck_and_removal()
    {
        await using var dashboard = new DashboardFactory();
        var alices = (await dashboard.ListAsync()).First();
        using var bob = dashboard.CreateClientFor(DashboardFactory.OtherAccount);

        (await bob.GetFromJsonAsync<List<object>>("/api/apis", Ct)).Should().BeEmpty("bob registered nothing; the demo's APIs are alice's");
        (await bob.GetAsync($"/api/apis/{alices.Id}", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await bob.GetAsync($"/api/apis/{alices.Id}/report", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await bob.PostAsync($"/api/apis/{alices.Id}/check", null, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await bob.DeleteAsync($"/api/apis/{alices.Id}", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await dashboard.FindAsync(alices.Id)).Should().NotBeNull("bob's attempts changed nothing");

        using var alice = dashboard.CreateClientFor(DashboardFactory.Account);
        (await alice.GetAsync($"/api/apis/{alices.Id}", Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await alice.PostAsync($"/api/apis/{alices.Id}/check", null, Ct)).StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Rate_limits_are_per_account()
    {
        await using var dashboard = new DashboardFactory(("Dashboard:CheckPermitLimit", "1"), ("Dashboard:CheckWindow", "00:10:00"));
        using var alice = dashboard.CreateClientFor(DashboardFactory.Account);
        using var bob = dashboard.CreateClientFor(DashboardFactory.OtherAccount);
        var check = new { url = DemoApi.Origin + "/open", origin = DemoApi.Galxe };

        (await alice.PostCheckAsync("/api/check", check, Ct)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await alice.PostCheckAsync("/api/check", check, Ct)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await bob.PostCheckAsync("/api/check", check, Ct)).StatusCode.Should().Be(HttpStatusCode.OK, "bob's window is his own");
    }

    [Fact]
    public async Task Api_keys_are_never_logged_returned_or_stored()
    {
        var logs = new CollectingLoggerProvider();
        await using var dashboard = new DashboardFactory(("Logging:LogLevel:Default", "Trace")) { ConfigureTestServices = services => services.AddSingleton<ILoggerProvider>(logs) };
        using var alice = dashboard.CreateClientFor(DashboardFactory.Account);
        var answers = new List<string>();
        foreach (var path in new[] { "/api/apis", "/account", "/api/deliveries" })
        {
            answers.Add(await alice.GetStringAsync(path, Ct));
        }

        using var registered = await alice.PostCheckAsync("/api/apis", new { url = DemoApi.Origin + "/open", origin = DemoApi.Galxe }, Ct);
        answers.Add(await registered.Content.ReadAsStringAsync(Ct));
        using var wrong = dashboard.CreateClientFor(null);
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "a-wrong-key-that-must-not-be-logged");
        await wrong.GetAsync("/api/apis", Ct);

        var key = DashboardFactory.KeyOf(DashboardFactory.Account);
        answers.Should().NotContain(a => a.Contains(key, StringComparison.Ordinal));
        logs.Messages.Should().NotBeEmpty().And.NotContain(m => m.Contains(key, StringComparison.Ordinal) || m.Contains("a-wrong-key-that-must-not-be-logged", StringComparison.Ordinal));
        var database = await File.ReadAllBytesAsync(Path.Combine(dashboard.DataFolder, "dashboard.db"), Ct);
        System.Text.Encoding.UTF8.GetString(database).Should().NotContain(key);
    }

    [Fact]
    public async Task Account_settings_that_cannot_work_stop_the_start_naming_each_key()
    {
        await using var dashboard = new DashboardFactory(
            ($"Dashboard:Accounts:{DashboardFactory.Account}:ApiKey", "short"),
            ($"Dashboard:Accounts:{DashboardFactory.OtherAccount}:WebhookUrl", "https://hooks.example/cors"),
            ("Dashboard:Accounts:carol:WebhookUrl", "ftp://hooks.example/cors"),
            ("Dashboard:Accounts:carol:WebhookSecret", "long-enough-secret-for-carol"));

        var starting = () => dashboard.CreateClient();

        starting.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Failures.Should().BeEquivalentTo(
            "Dashboard:Accounts:alice:ApiKey is shorter than 16 characters; use a random key (e.g. openssl rand -hex 32).",
            "Dashboard:Accounts:bob:WebhookSecret must be set, at least 16 characters, when WebhookUrl is: the receiver checks each delivery's signature with it.",
            "Dashboard:Accounts:carol:WebhookUrl is not an absolute http(s) URL: 'ftp://hooks.example/cors'.");
    }

    [Fact]
    public async Task The_development_sign_in_is_off_outside_development()
    {
        await using var dashboard = new DashboardFactory();
        using var client = dashboard.CreateClientFor(null);

        (await client.PostAsJsonAsync("/account/development-sign-in", new { account = DashboardFactory.Account }, Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/account", Ct))!["developmentAccounts"]!.AsArray().Should().BeEmpty();
    }
}

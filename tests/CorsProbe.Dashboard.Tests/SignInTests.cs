using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CorsProbing.Dashboard.Tests.Support;
using CorsProbing.Demo;

namespace CorsProbing.Dashboard.Tests;

/// <summary>
/// The page's sign-in cookie (Development's sign-in): <c>SameSite=Strict</c> and HTTP only, changes refused without the
/// antiforgery token, and the dashboard's own API passing CorsProbe's audit: no origin but its own may call it.
/// </summary>
public sealed class SignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_cookie_is_strict_and_http_only_and_a_change_made_with_it_needs_the_antiforgery_token()
    {
        await using var dashboard = new DashboardFactory { Environment = "Development" };
        using var page = dashboard.CreateClientFor(null);

        using var signIn = await page.PostAsJsonAsync("/account/development-sign-in", new { account = DashboardFactory.OtherAccount }, Ct);
        signIn.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Should().ContainSingle(c => c.StartsWith("corsprobe-dashboard=", StringComparison.Ordinal)).Subject;
        cookie.Should().Contain("samesite=strict").And.Contain("httponly");
        (await page.GetFromJsonAsync<JsonObject>("/account", Ct))!["account"]!.GetValue<string>().Should().Be(DashboardFactory.OtherAccount);

        var check = new { url = DemoApi.Origin + "/open", origin = DemoApi.Galxe };
        using var forged = await page.PostCheckAsync("/api/apis", check, Ct);
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a cross-site form could send the cookie, never the token");
        (await forged.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("X-CSRF-TOKEN");

        var token = (await page.GetFromJsonAsync<JsonObject>("/api/antiforgery", Ct))!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/apis") { Content = JsonContent.Create(check) };
        request.Headers.Add(token["headerName"]!.GetValue<string>(), token["token"]!.GetValue<string>());
        (await page.SendAsync(request, Ct)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await dashboard.ListAsync(DashboardFactory.OtherAccount)).Should().ContainSingle("registered in the signed-in account");

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/account/sign-out");
        signOut.Headers.Add(token["headerName"]!.GetValue<string>(), token["token"]!.GetValue<string>());
        (await page.SendAsync(signOut, Ct)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await page.GetAsync("/api/apis", Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_account_cannot_sign_in()
    {
        await using var dashboard = new DashboardFactory { Environment = "Development" };
        using var page = dashboard.CreateClientFor(null);

        using var refused = await page.PostAsJsonAsync("/account/development-sign-in", new { account = "mallory" }, Ct);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.ReadProblemAsync("account")).Single().Should().Contain("'mallory' is not an account").And.Contain("alice, bob");
    }

    [Fact]
    public async Task The_dashboards_own_api_passes_the_audit_with_no_finding()
    {
        await using var dashboard = new DashboardFactory();
        var origin = dashboard.StartKestrel();

        var report = await CorsProbe.For(origin + "/api/apis").WithOrigin(origin).AllowLoopback()
            .Audit().RejectOrigins("https://evil.example", "null", DemoApi.Galxe)
            .ProbeAsync(Ct);

        report.SecurityFindings.Should().BeEmpty("the dashboard's API grants no origin, so there is nothing to abuse");
        report.Findings.Should().NotContain(f => f.Code == CorsFindingCodes.RejectedOriginAllowed);
    }
}

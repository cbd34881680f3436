using CorsProbing.Dashboard.Tests.Support;
using CorsProbing.Demo;
using CorsProbing.Testing;
using Microsoft.Playwright;

namespace CorsProbing.Dashboard.Tests.Browser;

/// <summary>The dashboard in a real Chromium: checks, verification in the browser itself, registration, bad input.</summary>
public sealed class DashboardPageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    /// <summary>The screenshot the README shows, rewritten with <c>CORSPROBE_RECORD=1</c>.</summary>
    public const string Screenshot = "docs/dashboard.png";

    [Fact]
    public async Task A_check_shows_each_profiles_verdict_the_findings_with_fixes_the_exchanges_and_a_curl_to_copy()
    {
        var form = new CheckForm(await session.OpenAsync());
        await form.FillAsync(DemoApi.Origin + "/galxe-only", origin: DemoApi.Galxe);

        await form.CheckAsync();

        (await form.VerdictAsync("Browser")).Should().Be("Denied");
        (await form.VerdictAsync("Firefox")).Should().Be("Denied");
        (await form.VerdictAsync("Galxe")).Should().Be("Allowed");
        (await form.Page.Locator("#verdicts .difference").InnerTextAsync()).Should().Contain("The Galxe check passes, but browsers block the call", "the dashboard is configured to judge the platform's check too");
        var finding = form.Page.Locator($"#findings [data-code={CorsFindingCodes.HeaderNotAllowed}]").First;
        (await finding.InnerTextAsync()).Should().Contain("Access-Control-Allow-Headers").And.Contain("Fix:");
        (await form.Page.Locator("#exchanges > details").CountAsync()).Should().BeGreaterThan(0);
        (await form.Page.Locator("#exchanges > details summary").First.InnerTextAsync()).Should().Contain("OPTIONS preflight for GET " + DemoApi.Origin + "/galxe-only → 204");
        var curl = await form.Page.Locator("#curl").InnerTextAsync();
        curl.Should().StartWith("curl").And.Contain("Origin: " + DemoApi.Galxe);

        await form.Page.ClickAsync("#copy-curl");
        (await form.Page.EvaluateAsync<string>("navigator.clipboard.readText()")).Should().Be(curl);
        (await form.Page.Locator("#origin-note").InnerTextAsync()).Should().Contain("the comparison does not apply",
            "the page is served from its own origin, not the Galxe dashboard's");
    }

    [Fact]
    public async Task Signed_out_the_page_offers_the_development_sign_in_and_each_account_sees_its_own_apis()
    {
        var page = await session.OpenAsync("/apis.html", signIn: false);
        (await page.Locator("main").IsHiddenAsync()).Should().BeTrue("nothing of an account shows before sign-in");

        await page.ClickAsync($"#account button[data-account={DashboardFactory.OtherAccount}]");
        await page.WaitForSelectorAsync("#account-name");
        (await page.Locator("#account-name").InnerTextAsync()).Should().Be(DashboardFactory.OtherAccount);
        await page.WaitForSelectorAsync("#empty:not([hidden])");
        (await page.Locator("#apis tbody tr").CountAsync()).Should().Be(0, "the demo's APIs are alice's, not bob's");

        await page.ClickAsync("#sign-out");
        await page.WaitForSelectorAsync("#account button.sign-in");
        (await page.Locator("main").IsHiddenAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task An_openapi_document_registered_from_the_list_shows_a_row_per_operation_under_its_api()
    {
        var page = await session.OpenAsync("/apis.html");
        await page.WaitForSelectorAsync("#apis tbody tr");
        var document = DemoApi.Origin + DemoDocument.Path;

        await page.FillAsync("#register-openapi input[name=url]", document);
        await page.FillAsync("#register-openapi input[name=origin]", DemoApi.Galxe);
        await page.ClickAsync("#register-openapi button[type=submit]");

        var api = page.Locator("#apis tbody tr[data-id]", new() { HasText = document });
        await api.WaitForAsync();
        (await api.InnerTextAsync()).Should().Contain($"Every operation of the OpenAPI document ({DemoApi.Setups.Sum(s => s.Methods.Count)})");
        var id = await api.GetAttributeAsync("data-id");
        var operations = page.Locator($"#apis tbody tr.operation[data-api='{id}']");
        (await operations.CountAsync()).Should().Be(DemoApi.Setups.Sum(s => s.Methods.Count));
        (await operations.First.InnerTextAsync()).Should().Contain("GET /open (getOpen)").And.Contain("Allowed");
        (await operations.Filter(new() { HasText = "PUT /missing-put (putMissingPut)" }).InnerTextAsync()).Should().Contain("Denied").And.Contain(CorsFindingCodes.MethodNotAllowed);

        await page.ClickAsync($"#apis button.remove[data-id='{id}']");
        await operations.First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    [Fact]
    public async Task With_the_audit_ticked_the_report_shows_the_security_audit()
    {
        var form = new CheckForm(await session.OpenAsync());
        await form.FillAsync(DemoApi.Origin + "/open", origin: DemoApi.Galxe);
        await form.Page.CheckAsync("#audit");

        await form.CheckAsync();

        (await form.Page.Locator("#audit-section").IsVisibleAsync()).Should().BeTrue();
        (await form.Page.Locator("#audit-findings").InnerTextAsync()).Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Verifying_in_this_browser_an_allowed_setup_resolves_as_predicted()
    {
        var form = new CheckForm(await session.OpenAsync());
        await form.FillAsync(DemoApi.Origin + "/open", headers: "Content-Type: application/json");
        await form.CheckAsync();
        (await form.VerdictAsync("Chromium")).Should().Be("Allowed");

        var (allowed, agrees, text) = await form.VerifyAsync();

        allowed.Should().BeTrue(text);
        agrees.Should().Be("true");
        text.Should().Contain("GET resolved (200)").And.Contain("POST resolved (200)").And.Contain("they agree");
    }

    [Fact]
    public async Task Verifying_in_this_browser_a_denied_setup_fails_as_predicted()
    {
        var form = new CheckForm(await session.OpenAsync());
        await form.FillAsync(DemoApi.Origin + "/galxe-only", headers: "Content-Type: application/json");
        await form.CheckAsync();
        (await form.VerdictAsync("Chromium")).Should().Be("Denied");
        (await form.Page.Locator("#origin-note").GetAttributeAsync("data-same-origin")).Should().Be("true");

        var (allowed, agrees, text) = await form.VerifyAsync();

        allowed.Should().BeFalse(text);
        agrees.Should().Be("true");
        text.Should().Contain("GET failed: TypeError", "a JSON Content-Type makes even the GET preflighted")
            .And.Contain("POST failed: TypeError").And.Contain("they agree");
        await SaveScreenshotAsync(form.Page);
    }

    [Fact]
    public async Task A_demo_link_fills_the_form_with_a_setup_this_browser_reaches_as_it_is()
    {
        var form = new CheckForm(await session.OpenAsync());

        await form.Page.ClickAsync("#demo a[data-path='/open']");
        (await form.Page.InputValueAsync("#url")).Should().Be(session.Dashboard.DemoLoopbackOrigin + "/open");
        await form.CheckAsync();
        var (allowed, agrees, _) = await form.VerifyAsync();

        allowed.Should().BeTrue("the demo answers on loopback, which a newcomer's browser reaches without any mapping");
        agrees.Should().Be("true");
    }

    [Fact]
    public async Task Registering_from_the_page_lists_the_api_with_its_verdict_and_history()
    {
        var form = new CheckForm(await session.OpenAsync());
        var url = DemoApi.Origin + "/designated?from=browser";
        await form.FillAsync(url, origin: DemoApi.Galxe);

        await form.RegisterAndOpenListAsync();

        var row = form.RegisteredRow(url);
        await row.WaitForAsync();
        (await row.Locator(".verdict").InnerTextAsync()).Should().Be("Allowed");
        await row.Locator("details.history summary").ClickAsync();
        await row.Locator("ol.checks li").First.WaitForAsync();
        (await row.Locator("ol.checks li").CountAsync()).Should().Be(1);
        (await session.Dashboard.ListAsync()).Should().Contain(a => a.Url == url);
    }

    [Fact]
    public async Task A_registered_api_opens_from_the_list_in_the_form_as_it_was_registered()
    {
        var form = new CheckForm(await session.OpenAsync());
        var url = DemoApi.Origin + "/designated?from=list";
        await form.FillAsync(url, origin: DemoApi.Galxe, methods: "GET, PUT", headers: "Content-Type\nX-Api-Key: 1");
        await form.Page.SelectOptionAsync("#profile", "Galxe");
        await form.Page.CheckAsync("#credentials");
        await form.RegisterAndOpenListAsync();

        await form.RegisteredRow(url).GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(form.Page.Locator("#url")).ToHaveValueAsync(url);
        await Assertions.Expect(form.Page.Locator("#origin")).ToHaveValueAsync(DemoApi.Galxe);
        await Assertions.Expect(form.Page.Locator("#methods")).ToHaveValueAsync("GET, PUT");
        await Assertions.Expect(form.Page.Locator("#headers")).ToHaveValueAsync("Content-Type\nX-Api-Key: 1");
        await Assertions.Expect(form.Page.Locator("#profile")).ToHaveValueAsync("Galxe");
        await Assertions.Expect(form.Page.Locator("#credentials")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Removing_an_api_from_the_list_stops_watching_it()
    {
        var form = new CheckForm(await session.OpenAsync());
        var url = DemoApi.Origin + "/open?from=remove";
        await form.FillAsync(url, origin: DemoApi.Galxe);
        await form.RegisterAndOpenListAsync();
        var row = form.RegisteredRow(url);

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Remove" }).ClickAsync();

        await Assertions.Expect(row).ToHaveCountAsync(0);
        (await session.Dashboard.ListAsync()).Should().NotContain(a => a.Url == url);
    }

    [Theory]
    [MemberData(nameof(BadRequests.FormCases), MemberType = typeof(BadRequests))]
    public async Task Bad_input_in_the_form_gets_a_clear_message_and_stores_nothing(string name, string expected)
    {
        var form = new CheckForm(await session.OpenAsync());
        var before = (await session.Dashboard.ListAsync()).Count;
        var (url, origin, headers) = BadRequests.Form(name);
        await form.FillAsync(url, origin, headers: headers);

        (await form.RefusedAsync("#check")).Should().Contain(expected);
        (await form.RefusedAsync("#register")).Should().Contain(expected);

        (await session.Dashboard.ListAsync()).Should().HaveCount(before);
        (await form.Page.Locator("#report").IsHiddenAsync()).Should().BeTrue();
    }

    private static async Task SaveScreenshotAsync(IPage page)
    {
        var path = Repository.Recording ? Path.Combine(Repository.Root, Screenshot) : Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        File.Exists(path).Should().BeTrue();
    }
}

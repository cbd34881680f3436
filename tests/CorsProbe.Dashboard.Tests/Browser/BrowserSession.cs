using CorsProbing.Dashboard.Tests.Support;
using CorsProbing.Demo;
using CorsProbing.Testing;
using Microsoft.Playwright;

namespace CorsProbing.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard on a real Kestrel and Debian's Chromium driven by Playwright (no browser download: its
/// <c>ExecutablePath</c>). Chromium resolves <see cref="DemoApi.Origin"/>'s host to the demo API's loopback port, so
/// the page can call the demo's setups by the name they are probed at.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The dashboard under test.</summary>
    public DashboardFactory Dashboard { get; } = new() { Environment = "Development" };

    /// <summary>The origin the page is served from, e.g. <c>http://127.0.0.1:40111</c>.</summary>
    public string PageOrigin { get; private set; } = string.Empty;

    public ValueTask InitializeAsync()
    {
        PageOrigin = Dashboard.StartKestrel();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A fresh page (its own context) at <paramref name="path"/>, signed in as <see cref="DashboardFactory.Account"/>
    /// unless <paramref name="signIn"/> is false; skips where Chromium is missing, fails so under CI.
    /// </summary>
    public async Task<IPage> OpenAsync(string path = "/", bool signIn = true)
    {
        var chromium = RequiredTool.Find("Chromium", "apt-get install chromium", "/usr/bin/chromium");
        if (_browser is null)
        {
            _playwright = await Playwright.CreateAsync();
            var demoPort = new Uri(Dashboard.DemoLoopbackOrigin).Port;
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", $"--host-resolver-rules=MAP {new Uri(DemoApi.Origin).Host} 127.0.0.1:{demoPort}"],
            });
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        // Signed in as the page's user would be, with the development sign-in (its cookie lands in this context).
        if (signIn)
        {
            var signedIn = await context.APIRequest.PostAsync(PageOrigin + "/account/development-sign-in", new APIRequestContextOptions { DataObject = new { account = DashboardFactory.Account } });
            signedIn.Ok.Should().BeTrue("the development sign-in answered {0}", signedIn.Status);
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(PageOrigin + path);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Dashboard.DisposeAsync();
    }
}

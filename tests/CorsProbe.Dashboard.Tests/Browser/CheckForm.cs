using Microsoft.Playwright;

namespace CorsProbing.Dashboard.Tests.Browser;

/// <summary>The Check page as a person uses it: fill the fields, press a button, read what appears.</summary>
public sealed class CheckForm(IPage page)
{
    public IPage Page => page;

    public async Task FillAsync(string url, string? origin = null, string methods = "GET, POST", string headers = "Content-Type")
    {
        await page.FillAsync("#url", url);
        if (origin is not null)
        {
            await page.FillAsync("#origin", origin);
        }

        await page.FillAsync("#methods", methods);
        await page.FillAsync("#headers", headers);
    }

    /// <summary>Presses Check and waits for the report.</summary>
    public async Task CheckAsync()
    {
        await page.ClickAsync("#check");
        await page.Locator("#report").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    /// <summary>Presses Check (or Register) and waits for the problem it shows.</summary>
    public async Task<string> RefusedAsync(string button)
    {
        await page.Locator("#errors").EvaluateAsync("e => { e.hidden = true; e.textContent = ''; }");
        await page.ClickAsync(button);
        await page.Locator("#errors").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        return await page.Locator("#errors").InnerTextAsync();
    }

    /// <summary>Presses "Register and watch" and follows the link it shows to the Registered APIs page.</summary>
    public async Task RegisterAndOpenListAsync()
    {
        await page.ClickAsync("#register");
        await page.Locator("#status a[href='/apis.html']").ClickAsync();
        await page.Locator("#apis tbody tr").First.WaitForAsync();
    }

    /// <summary>The Registered APIs page's row of the API at <paramref name="url"/>.</summary>
    public ILocator RegisteredRow(string url) => page.Locator("#apis tbody tr", new PageLocatorOptions { HasText = url });

    public Task<string> VerdictAsync(string profile) => page.Locator($"#verdicts li[data-profile={profile}] .verdict").InnerTextAsync();

    /// <summary>Presses "Verify in this browser" and waits for this browser's outcome.</summary>
    public async Task<(bool BrowserAllowed, string Agrees, string Text)> VerifyAsync()
    {
        await page.ClickAsync("#verify");
        var result = page.Locator("#verify-result[data-agrees]");
        await result.WaitForAsync();
        return (await result.GetAttributeAsync("data-browser-allowed") == "true", (await result.GetAttributeAsync("data-agrees"))!, await result.InnerTextAsync());
    }
}

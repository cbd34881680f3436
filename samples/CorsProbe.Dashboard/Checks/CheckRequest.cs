namespace CorsProbing.Dashboard.Checks;

/// <summary>What the Check form sends: the API to probe and how the platform's page will call it.</summary>
/// <param name="Url">The API's absolute http(s) URL.</param>
/// <param name="Origin">The origin the calls come from; empty for the configured default.</param>
/// <param name="Methods">The methods the page uses; none means GET.</param>
/// <param name="Headers">Headers the page's script sets, each <c>Name</c> (value unknown) or <c>Name: value</c>.</param>
/// <param name="Credentials">Whether the calls send cookies (<c>credentials: "include"</c>).</param>
/// <param name="Profile">The profile that decides the verdict (Browser, Chromium, Firefox, WebKit, Galxe); empty for the configured one.</param>
/// <param name="Audit">Whether to run the security audit as well.</param>
public sealed record CheckRequest(
    string? Url,
    string? Origin = null,
    IReadOnlyList<string>? Methods = null,
    IReadOnlyList<string>? Headers = null,
    bool Credentials = false,
    string? Profile = null,
    bool Audit = false);

namespace CorsProbing.Dashboard;

/// <summary>The dashboard's own settings: the <c>Dashboard</c> section of <c>appsettings.json</c>.</summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section: <c>"Dashboard"</c>.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>Where the SQLite file lives; relative paths are under the content root. Created on first run.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>How often the registered APIs are checked again.</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Where the demo's embedded API listens (a loopback URL, port 0 for any free port); its setups are registered on
    /// start. Empty for no demo.
    /// </summary>
    public string? DemoApiUrl { get; set; }

    /// <summary>
    /// Origins (<c>http://host:port</c>) that may be probed although they are on loopback or a private network: your own
    /// staging APIs, test servers. The demo API's origin is added on start. Every other target goes through the SSRF guard.
    /// </summary>
    public List<string> TrustedTargets { get; set; } = [];

    /// <summary>How many checks (or registrations) one client may run per <see cref="CheckWindow"/>.</summary>
    public int CheckPermitLimit { get; set; } = 30;

    /// <summary>The window of <see cref="CheckPermitLimit"/>.</summary>
    public TimeSpan CheckWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest request body the API reads.</summary>
    public int MaxRequestBytes { get; set; } = 32 * 1024;
}

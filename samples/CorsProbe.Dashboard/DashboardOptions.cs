using CorsProbing.Dashboard.Accounts;
using CorsProbing.Dashboard.Storage;

namespace CorsProbing.Dashboard;

/// <summary>The dashboard's own settings: the <c>Dashboard</c> section of <c>appsettings.json</c>.</summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section: <c>"Dashboard"</c>.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>The connection string's name under <c>ConnectionStrings</c> when <see cref="Database"/> is PostgreSQL: <c>"Dashboard"</c>.</summary>
    public const string ConnectionStringName = "Dashboard";

    /// <summary><c>sqlite</c> (the default: a file in <see cref="DataFolder"/>, one process) or <c>postgres</c> (<c>ConnectionStrings:Dashboard</c>, several replicas).</summary>
    public DatabaseKind Database { get; set; } = DatabaseKind.Sqlite;

    /// <summary>Where the SQLite file lives; relative paths are under the content root. Created on first run.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>How often each registered API is checked.</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a replica holds the hosts it claimed before another may take them (renewed while it checks them).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an idle replica looks for due checks and deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many hosts a replica claims at once.</summary>
    public int HostsPerClaim { get; set; } = 16;

    /// <summary>
    /// Runs the demo: its embedded API, its registrations (in <see cref="DemoAccount"/>) and the development sign-in's
    /// accounts. Unset: on in the Development environment only.
    /// </summary>
    public bool? Demo { get; set; }

    /// <summary>Where the demo's embedded API listens (a loopback URL; port 0 for any free port, so replicas start side by side).</summary>
    public string DemoApiUrl { get; set; } = "http://127.0.0.1:0";

    /// <summary>The account the demo's setups are registered in.</summary>
    public string DemoAccount { get; set; } = "alice";

    /// <summary>The accounts, by name: <c>Dashboard:Accounts:&lt;name&gt;:ApiKey</c>, <c>WebhookUrl</c>, <c>WebhookSecret</c>.</summary>
    public Dictionary<string, AccountOptions> Accounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Origins (<c>http://host:port</c>) that may be probed although they are on loopback or a private network: your own
    /// staging APIs, test servers. The demo API's origin is added on start. Every other target goes through the SSRF guard.
    /// </summary>
    public List<string> TrustedTargets { get; set; } = [];

    /// <summary>How many checks (or registrations) one account may run per <see cref="CheckWindow"/>.</summary>
    public int CheckPermitLimit { get; set; } = 30;

    /// <summary>The window of <see cref="CheckPermitLimit"/>.</summary>
    public TimeSpan CheckWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest request body the API reads.</summary>
    public int MaxRequestBytes { get; set; } = 32 * 1024;

    /// <summary>How long a webhook receiver has to answer one delivery.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after a delivery's first failure; each further failure doubles it, up to ten minutes.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a transition is tried before it is given up.</summary>
    public TimeSpan WebhookExpiry { get; set; } = TimeSpan.FromHours(24);
}

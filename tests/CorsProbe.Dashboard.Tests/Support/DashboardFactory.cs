using System.Net;
using System.Net.Http.Headers;
using CorsProbing.Dashboard.Demo;
using CorsProbing.Dashboard.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>
/// The dashboard as its tests run it: its own SQLite file in a temporary folder (or the given database settings), the
/// demo on a free loopback port, two accounts with API keys (<see cref="Account"/>, whose key every client from
/// <c>CreateClient</c> sends, and <see cref="OtherAccount"/>), a rate limit no test reaches unless it sets one, and
/// optionally a fake clock or a real Kestrel for the browser.
/// </summary>
public sealed class DashboardFactory : WebApplicationFactory<Program>
{
    /// <summary>The account the tests act as: the demo's registrations are in it.</summary>
    public const string Account = "alice";

    /// <summary>Another account, which must see none of <see cref="Account"/>'s APIs.</summary>
    public const string OtherAccount = "bob";

    private readonly Dictionary<string, string?> _settings;

    /// <summary>A dashboard with the default test settings, overridden by <paramref name="settings"/> (<c>"Section:Key"</c> → value).</summary>
    public DashboardFactory(params (string Key, string? Value)[] settings)
    {
        DataFolder = Directory.CreateTempSubdirectory("corsprobe-dashboard-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Dashboard:DataFolder"] = DataFolder,
            ["Dashboard:Demo"] = "true",
            ["Dashboard:DemoApiUrl"] = "http://127.0.0.1:0",
            [$"Dashboard:Accounts:{Account}:ApiKey"] = KeyOf(Account),
            [$"Dashboard:Accounts:{OtherAccount}:ApiKey"] = KeyOf(OtherAccount),
            ["Dashboard:CheckPermitLimit"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>The temporary folder holding the dashboard's SQLite file.</summary>
    public string DataFolder { get; }

    /// <summary>The clock the dashboard runs on, when set before first use.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Extra services (after the dashboard's own), set before first use.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    /// <summary>The environment the dashboard runs in; the development sign-in needs <c>Development</c>.</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>The dashboard's store.</summary>
    public ApiStore Store => Services.GetRequiredService<ApiStore>();

    /// <summary>The API key of <paramref name="account"/> in these tests.</summary>
    public static string KeyOf(string account) => $"test-key-of-{account}-0123456789";

    /// <summary>A client of the dashboard's API signed in with <paramref name="account"/>'s key, or with none.</summary>
    public HttpClient CreateClientFor(string? account)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = account is null ? null : new AuthenticationHeaderValue("Bearer", KeyOf(account));
        return client;
    }

    /// <summary><see cref="Account"/>'s APIs, newest first.</summary>
    public Task<IReadOnlyList<RegisteredApi>> ListAsync(string account = Account) => Store.ListAsync(account, CancellationToken.None);

    /// <summary>The history of <see cref="Account"/>'s API <paramref name="id"/>.</summary>
    public Task<IReadOnlyList<CheckRecord>> HistoryAsync(long id) => Store.HistoryAsync(Account, id, CancellationToken.None);

    /// <summary><see cref="Account"/>'s API <paramref name="id"/>.</summary>
    public Task<RegisteredApi?> FindAsync(long id) => Store.FindAsync(Account, id, CancellationToken.None);

    /// <summary>The demo API's loopback origin, e.g. <c>http://127.0.0.1:41234</c> (its setups are registered at <c>DemoApi.Origin</c>).</summary>
    public string DemoLoopbackOrigin => Services.GetServices<IHostedService>().OfType<DemoRegistration>().Single().Origin!;

    /// <summary>Serves the dashboard on a real Kestrel (a free loopback port) and returns its origin.</summary>
    public string StartKestrel()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address).GetLeftPart(UriPartial.Authority);
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyOf(Account));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }

            ConfigureTestServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataFolder, recursive: true);
    }
}

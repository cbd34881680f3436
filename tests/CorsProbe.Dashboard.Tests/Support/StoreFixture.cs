using CorsProbing.Dashboard.Accounts;
using CorsProbing.Dashboard.Alerts;
using CorsProbing.Dashboard.Storage;
using Microsoft.Extensions.Options;

namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>The dashboard's stores on a fresh database of either kind, migrated, with two accounts (the first with a webhook).</summary>
public sealed class StoreFixture : IAsyncDisposable
{
    private readonly string? _folder;

    private StoreFixture(DashboardDatabase database, string? folder)
    {
        Database = database;
        _folder = folder;
        var options = Options.Create(new DashboardOptions
        {
            Accounts = new Dictionary<string, AccountOptions>
            {
                [DashboardFactory.Account] = new() { ApiKey = DashboardFactory.KeyOf(DashboardFactory.Account), WebhookUrl = "http://127.0.0.1:9/hook", WebhookSecret = "a-webhook-secret-of-alice" },
                [DashboardFactory.OtherAccount] = new() { ApiKey = DashboardFactory.KeyOf(DashboardFactory.OtherAccount) },
            },
        });
        var recorder = new CheckRecorder(new AccountDirectory(options), options);
        Apis = new ApiStore(database, recorder);
        Watch = new WatchStore(database, recorder);
        Deliveries = new DeliveryStore(database);
    }

    public DashboardDatabase Database { get; }

    public ApiStore Apis { get; }

    public WatchStore Watch { get; }

    public DeliveryStore Deliveries { get; }

    /// <summary>A migrated database of <paramref name="kind"/>: a SQLite file in a temporary folder, or a new database on <paramref name="postgres"/>.</summary>
    public static async Task<StoreFixture> CreateAsync(DatabaseKind kind, PostgresServer postgres)
    {
        var folder = kind == DatabaseKind.Sqlite ? Directory.CreateTempSubdirectory("corsprobe-store-").FullName : null;
        var database = kind == DatabaseKind.Sqlite
            ? DashboardDatabase.Sqlite(Path.Combine(folder!, "dashboard.db"))
            : DashboardDatabase.Postgres(await postgres.CreateDatabaseAsync());
        await SchemaMigrator.MigrateAsync(database, TimeProvider.System, CancellationToken.None);
        return new StoreFixture(database, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

namespace CorsProbing.Dashboard.Storage;

/// <summary>Brings the database to this build's schema before anything else starts (registered first, so it runs first).</summary>
internal sealed partial class SchemaMigration(DashboardDatabase database, TimeProvider time, ILogger<SchemaMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await SchemaMigrator.MigrateAsync(database, time, cancellationToken).ConfigureAwait(false);
        LogMigrated(logger, database.Kind, database.Description, applied.Count == 0 ? "none" : string.Join(", ", applied), Migrations.All[^1].Version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Database {Kind} ({Where}): migrations applied now: {Applied}; schema version {Version}")]
    private static partial void LogMigrated(ILogger logger, DatabaseKind kind, string where, string applied, int version);
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CorsProbing.Dashboard.Storage;

/// <summary>Ready when the database answers and is at this build's schema version (<c>/health/ready</c>).</summary>
internal sealed class DatabaseReadyCheck(DashboardDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var version = await SchemaMigrator.VersionAsync(database, cancellationToken).ConfigureAwait(false);
            var latest = Migrations.All[^1].Version;
            return version == latest
                ? HealthCheckResult.Healthy($"{database.Kind} at schema version {version}.")
                : HealthCheckResult.Unhealthy($"{database.Kind} is at schema version {version}, not {latest}.");
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or IOException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{database.Kind} ({database.Description}) cannot be read.", exception);
        }
    }
}

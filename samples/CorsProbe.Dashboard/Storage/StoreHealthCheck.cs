using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CorsProbing.Dashboard.Storage;

/// <summary>Healthy when the SQLite file opens and answers a query.</summary>
internal sealed class StoreHealthCheck(ApiStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(store.CanRead() ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The store answered nothing."));
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The store cannot be read.", exception));
        }
    }
}

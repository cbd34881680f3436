using CorsProbing.Dashboard.Checks;
using CorsProbing.Dashboard.Storage;
using Microsoft.Extensions.Options;

namespace CorsProbing.Dashboard.Watching;

/// <summary>
/// Checks every registered API again each <see cref="DashboardOptions.RecheckInterval"/> (on the injected
/// <see cref="TimeProvider"/>), in one <see cref="ICorsProber.ProbeManyAsync(IEnumerable{CorsProbeBuilder}, CancellationToken)"/> batch within the configured global and
/// per-host limits, and records each report; the store marks an API that went from Allowed to Denied.
/// </summary>
internal sealed partial class RecheckService(
    ICorsProber prober,
    ApiStore store,
    TimeProvider time,
    IOptions<DashboardOptions> options,
    ILogger<RecheckService> logger) : BackgroundService
{
    /// <summary>Checks every registered API once.</summary>
    /// <returns>How many were checked.</returns>
    public async Task<int> RecheckAllAsync(CancellationToken cancellationToken)
    {
        // URL and origin are unique in the store, and a report carries both: that maps each streamed report back.
        var apis = store.List().ToDictionary(api => (api.Url, api.Origin));
        var probes = new List<CorsProbeBuilder>(apis.Count);
        foreach (var api in apis.Values)
        {
            var (probe, errors) = CheckValidation.Build(prober, new CheckRequest(api.Url, api.Origin, api.Methods, api.Headers, api.Credentials, api.Profile));
            if (probe is null)
            {
                LogInvalid(logger, api.Id, api.Url, string.Join("; ", errors.SelectMany(e => e.Value)));
                continue;
            }

            probes.Add(probe);
        }

        var checkedCount = 0;
        await foreach (var report in prober.ProbeManyAsync(probes, cancellationToken).ConfigureAwait(false))
        {
            if (apis.TryGetValue((report.Url.AbsoluteUri, report.Origin), out var api)
                && store.RecordCheck(api.Id, report, time.GetUtcNow()) is { Alert: { } alert } after && api.Alert != alert)
            {
                LogDenied(logger, after.Id, after.Url, alert);
            }

            checkedCount++;
        }

        return checkedCount;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.RecheckInterval, time, stoppingToken).ConfigureAwait(false);
            try
            {
                await RecheckAllAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A pass that fails (the store's disk, say) must not end the watch: the next one may succeed.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Registered API {Id} ({Url}) no longer validates: {Errors}")]
    private static partial void LogInvalid(ILogger logger, long id, string url, string errors);

    [LoggerMessage(LogLevel.Warning, "API {Id} ({Url}): {Alert}")]
    private static partial void LogDenied(ILogger logger, long id, string url, string alert);

    [LoggerMessage(LogLevel.Error, "Re-checking the registered APIs failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

namespace CorsProbing.Dashboard.Watching;

/// <summary>
/// The loop of a replica's background work (the watch, the webhooks): run a pass; when it found work, run the next at
/// once, else wait; a pass that fails (the database unreachable, say) is logged and the loop goes on, since the next
/// one may succeed; stopping ends the wait and the pass quietly.
/// </summary>
internal static class PollingLoop
{
    /// <param name="pass">One pass; returns how much work it found (0: none).</param>
    /// <param name="idle">How long to wait after a pass that found none.</param>
    /// <param name="time">The clock the waits run on.</param>
    /// <param name="failed">Logs a failed pass.</param>
    /// <param name="stoppingToken">The host stopping.</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task<int>> pass, Func<CancellationToken, Task<TimeSpan>> idle, TimeProvider time, Action<Exception> failed, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await pass(stoppingToken).ConfigureAwait(false) > 0)
                    {
                        continue;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failed(exception);
                }

                await Task.Delay(await idle(stoppingToken).ConfigureAwait(false), time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

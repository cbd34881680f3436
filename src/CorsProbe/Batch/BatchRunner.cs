using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace CorsProbing.Batch;

/// <summary>
/// Runs many probes with a global and a per-host concurrency limit and streams each report as it completes. Every probe
/// already turns timeouts, resets and refused addresses into reports, so each input yields exactly one report.
/// </summary>
internal static class BatchRunner
{
    public static async IAsyncEnumerable<CorsReport> RunAsync(
        IEnumerable<CorsProbeBuilder> probes, CorsBatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reports = Channel.CreateUnbounded<CorsReport>(new UnboundedChannelOptions { SingleReader = true });
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producing = ProduceAsync(probes, options, reports.Writer, stopping.Token);
        try
        {
            await foreach (var report in reports.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return report;
            }

            // Surfaces a configuration error (such as a probe without an origin) or the caller's cancellation.
            await producing.ConfigureAwait(false);
        }
        finally
        {
            // The consumer stopped early (break, exception, cancellation): stop starting probes and let running ones end.
            await stopping.CancelAsync().ConfigureAwait(false);
            try
            {
                await producing.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Expected when the caller stopped the batch.
            }
        }
    }

    private static async Task ProduceAsync(IEnumerable<CorsProbeBuilder> probes, CorsBatchOptions options, ChannelWriter<CorsReport> writer, CancellationToken cancellationToken)
    {
        using var global = new SemaphoreSlim(options.MaxConcurrency);
        var hosts = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);
        var running = new List<Task>();
        Exception? failure = null;
        try
        {
            foreach (var probe in probes)
            {
                ArgumentNullException.ThrowIfNull(probe, nameof(probes));
                await global.WaitAsync(cancellationToken).ConfigureAwait(false);
                running.Add(RunOneAsync(probe, global, hosts.GetOrAdd(probe.Url.IdnHost, _ => new SemaphoreSlim(options.MaxConcurrencyPerHost)), writer, cancellationToken));
                running.RemoveAll(task => task.IsCompletedSuccessfully);
            }
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        // Every started probe ends before the semaphores it releases are disposed, whatever stopped the loop.
        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failure ??= exception;
        }
        finally
        {
            writer.TryComplete(failure is OperationCanceledException ? null : failure);
            foreach (var host in hosts.Values)
            {
                host.Dispose();
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private static async Task RunOneAsync(CorsProbeBuilder probe, SemaphoreSlim global, SemaphoreSlim host, ChannelWriter<CorsReport> writer, CancellationToken cancellationToken)
    {
        try
        {
            await host.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var report = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(report, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                host.Release();
            }
        }
        finally
        {
            global.Release();
        }
    }
}

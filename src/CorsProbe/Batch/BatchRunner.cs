using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace CorsProbing.Batch;

/// <summary>
/// Runs many probes with a global and a per-host concurrency limit and streams each report as it completes. Every probe
/// already turns timeouts, resets and refused addresses into reports, so each input yields exactly one report.
/// </summary>
/// <remarks>
/// A fixed pool of <see cref="CorsBatchOptions.MaxConcurrency"/> workers pulls from the input, as
/// <c>Parallel.ForEachAsync</c> does; the per-host limit is the <see cref="ProbeQueue"/>'s, so no worker waits for a
/// host while another host could be probed.
/// </remarks>
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
        using var queue = new ProbeQueue(probes, options);
        var workers = new Task[options.MaxConcurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = WorkAsync(queue, writer, cancellationToken);
        }

        // Every worker ends before the queue it waits on is disposed, whatever stopped the others.
        var all = Task.WhenAll(workers);
        Exception? failure = null;
        try
        {
            await all.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The first non-cancellation failure wins: a worker that saw a bad input matters more than the ones it stopped.
            failure = all.Exception?.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? exception;
        }

        writer.TryComplete(failure is OperationCanceledException ? null : failure);
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private static async Task WorkAsync(ProbeQueue queue, ChannelWriter<CorsReport> writer, CancellationToken cancellationToken)
    {
        try
        {
            string? finished = null;
            while (true)
            {
                var probe = queue.Next(finished, out var host, out var wait);
                finished = null;
                if (probe is null)
                {
                    if (!wait)
                    {
                        return;
                    }

                    await queue.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var report = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
                finished = host;

                // The channel is unbounded: the write completes at once, unless the reader has already gone.
                await writer.WriteAsync(report, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // One failure (a bad input, the caller's cancellation) stops every worker from taking more.
            queue.Stop();
            throw;
        }
    }
}

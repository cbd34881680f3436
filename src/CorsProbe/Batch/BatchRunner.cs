using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace CorsProbing.Batch;

/// <summary>
/// Runs many probes with a global and a per-host concurrency limit and streams each report as it completes. Every probe
/// already turns timeouts, resets and refused addresses into reports, so each input yields exactly one report.
/// </summary>
/// <remarks>
/// A fixed pool of <see cref="CorsBatchOptions.MaxConcurrency"/> workers pulls from the input, as
/// <c>Parallel.ForEachAsync</c> does: no task, semaphore wait or bookkeeping per probe beyond the per-host gate.
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
        using var queue = new ProbeQueue(probes);
        using var hosts = options.MaxConcurrencyPerHost < options.MaxConcurrency ? new HostGates(options.MaxConcurrencyPerHost) : null;
        var workers = new Task[options.MaxConcurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = WorkAsync(queue, hosts, writer, cancellationToken);
        }

        // Every worker ends before the gates it releases are disposed, whatever stopped the others.
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

    private static async Task WorkAsync(ProbeQueue queue, HostGates? hosts, ChannelWriter<CorsReport> writer, CancellationToken cancellationToken)
    {
        try
        {
            while (queue.TryTake(out var probe))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var gate = hosts?.For(probe.Url);
                if (gate is not null)
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    var report = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);

                    // The channel is unbounded: the write completes at once, unless the reader has already gone.
                    await writer.WriteAsync(report, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    gate?.Release();
                }
            }
        }
        catch
        {
            // One failure (a bad input, the caller's cancellation) stops every worker from taking more.
            queue.Stop();
            throw;
        }
    }

    /// <summary>The input, shared by the workers: one <c>MoveNext</c> at a time, stoppable.</summary>
    private sealed class ProbeQueue(IEnumerable<CorsProbeBuilder> probes) : IDisposable
    {
        private readonly IEnumerator<CorsProbeBuilder> _probes = probes.GetEnumerator();
        private readonly object _lock = new();
        private bool _stopped;

        public bool TryTake(out CorsProbeBuilder probe)
        {
            lock (_lock)
            {
                if (!_stopped && _probes.MoveNext())
                {
                    probe = _probes.Current;
                    ArgumentNullException.ThrowIfNull(probe, nameof(probes));
                    return true;
                }

                _stopped = true;
                probe = null!;
                return false;
            }
        }

        public void Stop()
        {
            lock (_lock)
            {
                _stopped = true;
            }
        }

        public void Dispose() => _probes.Dispose();
    }

    /// <summary>One semaphore per host name, for the per-host limit.</summary>
    private sealed class HostGates(int perHost) : IDisposable
    {
        private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

        public SemaphoreSlim For(Uri url) => _gates.GetOrAdd(url.IdnHost, static (_, limit) => new SemaphoreSlim(limit), perHost);

        public void Dispose()
        {
            foreach (var gate in _gates.Values)
            {
                gate.Dispose();
            }
        }
    }
}

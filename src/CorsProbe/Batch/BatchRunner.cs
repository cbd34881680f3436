using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using CorsProbing.Http;
using CorsProbing.Orchestration;
using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Batch;

/// <summary>
/// Runs many probes with a global and a per-host concurrency limit and streams each report as it completes. Every probe
/// already turns timeouts, resets and refused addresses into reports, an input that is not a URL to probe gets a report
/// that says so, and an endpoint a probe could not connect to is not tried again: each input yields exactly one report.
/// </summary>
/// <remarks>
/// A fixed pool of <see cref="CorsBatchOptions.MaxConcurrency"/> workers pulls from the input, as
/// <c>Parallel.ForEachAsync</c> does; the per-host limit is the <see cref="ProbeQueue{TKey}"/>'s, so no worker waits for a
/// host while another host could be probed.
/// </remarks>
internal static class BatchRunner
{
    /// <summary>The reports of <paramref name="probes"/>, in completion order.</summary>
    public static async IAsyncEnumerable<CorsReport> RunAsync(
        IEnumerable<CorsProbeBuilder> probes, CorsBatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = probes.Select(probe => new BatchItem<int>(0, probe?.Url.OriginalString, probe ?? throw new ArgumentNullException(nameof(probes)), null));
        await foreach (var result in RunAsync(items, options, cancellationToken).ConfigureAwait(false))
        {
            yield return result.Report;
        }
    }

    /// <summary>Each of <paramref name="items"/> with its report, in completion order.</summary>
    public static async IAsyncEnumerable<CorsBatchResult<TKey>> RunAsync<TKey>(
        IEnumerable<BatchItem<TKey>> items, CorsBatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reports = Channel.CreateUnbounded<CorsBatchResult<TKey>>(new UnboundedChannelOptions { SingleReader = true });
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producing = ProduceAsync(items, options, reports.Writer, stopping.Token);
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

    private static async Task ProduceAsync<TKey>(
        IEnumerable<BatchItem<TKey>> items, CorsBatchOptions options, ChannelWriter<CorsBatchResult<TKey>> writer, CancellationToken cancellationToken)
    {
        using var queue = new ProbeQueue<TKey>(items, options);
        var unreachable = new UnreachableHosts();
        var workers = new Task[options.MaxConcurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = WorkAsync(queue, unreachable, writer, cancellationToken);
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

    private static async Task WorkAsync<TKey>(ProbeQueue<TKey> queue, UnreachableHosts unreachable, ChannelWriter<CorsBatchResult<TKey>> writer, CancellationToken cancellationToken)
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
                var report = await ReportAsync(probe, unreachable, cancellationToken).ConfigureAwait(false);
                finished = host;

                // The channel is unbounded: the write completes at once, unless the reader has already gone.
                await writer.WriteAsync(new CorsBatchResult<TKey>(probe.Key, probe.Input, report), cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // One failure (a bad input, the caller's cancellation) stops every worker from taking more.
            queue.Stop();
            throw;
        }
    }

    // A refused input's report says why; a probe of an endpoint that could not be connected to is not sent.
    private static async Task<CorsReport> ReportAsync<TKey>(BatchItem<TKey> item, UnreachableHosts unreachable, CancellationToken cancellationToken)
    {
        var plan = item.Probe.Plan;
        if (item.Problem is { } problem)
        {
            var input = Uri.TryCreate(item.Input ?? string.Empty, UriKind.RelativeOrAbsolute, out var given) ? given : new Uri(Uri.EscapeDataString(item.Input!), UriKind.Relative);
            return ReportBuilder.Refused(plan.Facts with { Url = input }, plan.Requirements.Profile, InvalidUrlRule.Draft(item.Input, problem));
        }

        if (unreachable.Reason(item.Probe.Url) is { } reason)
        {
            return await ProbeRun.RunAsync(plan, new NotSentTransport(reason), cancellationToken).ConfigureAwait(false);
        }

        var report = await ProbeRun.RunAsync(plan, cancellationToken).ConfigureAwait(false);
        unreachable.Record(report);
        return report;
    }
}

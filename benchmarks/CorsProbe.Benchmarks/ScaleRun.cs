using System.Diagnostics;
using System.Globalization;

namespace CorsProbing.Benchmarks;

/// <summary>
/// What one machine does (<c>-- --scale [urls]</c>): <see cref="CorsProbe.ProbeManyAsync(IEnumerable{CorsProbeBuilder}, CorsBatchOptions, CancellationToken)"/> over distinct URLs of nginx
/// in another process at several concurrency limits, with URLs/s, CPU per URL, and the peak managed heap and working
/// set while the batch runs. Not a BenchmarkDotNet class: it measures memory in flight, which no diagnoser reports.
/// </summary>
public static class ScaleRun
{
    private static readonly int[] Limits = [8, 64, 256, 512];

    /// <summary>Runs the batches and prints one line per limit.</summary>
    public static async Task RunAsync(int urls)
    {
        using var api = NginxCorsApi.Start();
        var template = NginxCorsApi.Probe(api.Url);
        Console.WriteLine($"{urls} URLs per batch against {api.Url}; {Environment.ProcessorCount} logical cores; .NET {Environment.Version}");
        foreach (var limit in Limits)
        {
            var batch = Enumerable.Range(0, urls).Select(i => string.Create(CultureInfo.InvariantCulture, $"{api.Url}?limit={limit}&i={i}")).ToArray();
            var options = new CorsBatchOptions { MaxConcurrency = limit, MaxConcurrencyPerHost = limit };
            await foreach (var _ in CorsProbe.ProbeManyAsync(batch.Take(2_000).Select(template.ForUrl), options))
            {
                // Warm-up: connections, JIT, thread pool.
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var process = Process.GetCurrentProcess();
            var baseHeap = GC.GetTotalMemory(forceFullCollection: true);
            long peakHeap = 0, peakWorkingSet = 0;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                    process.Refresh();
                    peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                    await Task.Delay(10);
                }
            });
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var allowed = 0;
            await foreach (var report in CorsProbe.ProbeManyAsync(batch.Select(template.ForUrl), options))
            {
                allowed += report.IsAllowed ? 1 : 0;
            }

            clock.Stop();
            await stop.CancelAsync();
            await sampler;
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"concurrency {limit,4}: {urls / clock.Elapsed.TotalSeconds,7:0} URLs/s, CPU {(process.TotalProcessorTime - cpu).TotalMicroseconds / urls,4:0} µs/URL, {allowed} allowed, managed heap {baseHeap / 1e6:0.0} MB at rest and {peakHeap / 1e6:0.0} MB at peak, working set {peakWorkingSet / 1e6:0} MB at peak"));
        }
    }
}

using BenchmarkDotNet.Attributes;

namespace CorsProbing.Benchmarks;

/// <summary>
/// 10,000 probes through <see cref="CorsProbe.ProbeManyAsync"/> at concurrency 64 vs the same number of bare
/// <c>OPTIONS</c> requests at the same concurrency, against one in-process Kestrel on loopback.
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int Probes = 10_000;
    private const int Concurrency = 64;
    private LoopbackCorsApi _api = null!;
    private CorsProbeBuilder[] _probes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _api = LoopbackCorsApi.Start();
        var probe = _api.Probe();
        _probes = Enumerable.Repeat(probe, Probes).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _api.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> BareHttpClient()
    {
        var ok = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, Probes), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (_, token) =>
        {
            if (await _api.BareOptionsAsync(token) == 204)
            {
                Interlocked.Increment(ref ok);
            }
        });
        return ok;
    }

    [Benchmark]
    public async Task<int> ProbeMany()
    {
        var allowed = 0;
        var options = new CorsBatchOptions { MaxConcurrency = Concurrency, MaxConcurrencyPerHost = Concurrency };
        await foreach (var report in CorsProbe.ProbeManyAsync(_probes, options))
        {
            allowed += report.IsAllowed ? 1 : 0;
        }

        return allowed;
    }
}

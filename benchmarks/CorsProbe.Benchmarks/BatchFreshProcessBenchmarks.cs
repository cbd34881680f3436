using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace CorsProbing.Benchmarks;

/// <summary>
/// The batch as a fresh process runs it (<c>corsprobe --input</c>, a scheduled job): each launch is a new process that
/// starts nginx, sends 1,024 URLs of warm-up through the row's own path, then measures one batch of 20,000 URLs
/// (<see cref="BatchWorkload"/>) while tiered compilation is still at work. The library's code is compiled in the
/// process; the bare client's is precompiled in the framework.
/// </summary>
[MemoryDiagnoser]
[CpuDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class BatchFreshProcessBenchmarks
{
    private const int Urls = 20_000;
    private const int WarmUp = 1_024;
    private BatchWorkload _batch = null!;

    [GlobalSetup(Target = nameof(Bare))]
    public void SetupBare()
    {
        _batch = BatchWorkload.Start(Urls);
        _batch.BareAsync(_batch.Urls.Take(WarmUp)).GetAwaiter().GetResult();
    }

    [GlobalSetup(Target = nameof(BuilderPerUrl))]
    public void SetupBuilderPerUrl()
    {
        _batch = BatchWorkload.Start(Urls);
        BatchWorkload.ProbeManyAsync(_batch.Urls.Take(WarmUp).Select(BatchWorkload.Probe)).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _batch.Dispose();

    [Benchmark(Baseline = true, Description = "bare HttpClient: OPTIONS + GET per URL")]
    public Task<int> Bare() => _batch.BareAsync(_batch.Urls);

    [Benchmark(Description = "ProbeManyAsync, builder per URL")]
    public Task<int> BuilderPerUrl() => BatchWorkload.ProbeManyAsync(_batch.Urls.Select(BatchWorkload.Probe));
}

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
public class BatchFreshProcessBenchmarks : BatchRows
{
    private const int WarmUp = 1_024;

    [GlobalSetup(Target = nameof(Bare))]
    public void SetupBare()
    {
        Batch = BatchWorkload.Start(Urls);
        Batch.BareAsync(Batch.Urls.Take(WarmUp)).GetAwaiter().GetResult();
    }

    [GlobalSetup(Target = nameof(BuilderPerUrl))]
    public void SetupBuilderPerUrl()
    {
        Batch = BatchWorkload.Start(Urls);
        BatchWorkload.ProbeManyAsync(Batch.Urls.Take(WarmUp).Select(BatchWorkload.Probe)).GetAwaiter().GetResult();
    }
}

using BenchmarkDotNet.Attributes;

namespace CorsProbing.Benchmarks;

/// <summary>The rows both batch classes measure over <see cref="BatchWorkload"/>: the bare client and a builder per URL.</summary>
public abstract class BatchRows
{
    /// <summary>How many URLs one batch probes.</summary>
    protected const int Urls = 20_000;

    /// <summary>The server and the URLs, made by the class's setup.</summary>
    protected BatchWorkload Batch { get; set; } = null!;

    [GlobalCleanup]
    public void Cleanup() => Batch.Dispose();

    [Benchmark(Baseline = true, Description = "bare HttpClient: OPTIONS + GET per URL")]
    public Task<int> Bare() => Batch.BareAsync(Batch.Urls);

    [Benchmark(Description = "ProbeManyAsync, builder per URL")]
    public Task<int> BuilderPerUrl() => BatchWorkload.ProbeManyAsync(Batch.Urls.Select(BatchWorkload.Probe));
}

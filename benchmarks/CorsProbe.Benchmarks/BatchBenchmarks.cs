using BenchmarkDotNet.Attributes;

namespace CorsProbing.Benchmarks;

/// <summary>
/// The batch in its steady state (a long-running backend: tiered compilation settled, connections warm): 20,000 URLs
/// over 16 hosts at 64 in flight and 4 per host (<see cref="BatchWorkload"/>), CorsProbe with a builder per URL (through
/// its own transport, or through the bare client) or a retargeted template, against a bare <c>HttpClient</c>.
/// </summary>
[MemoryDiagnoser]
[CpuDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class BatchBenchmarks
{
    private const int Urls = 20_000;
    private BatchWorkload _batch = null!;

    [GlobalSetup]
    public void Setup() => _batch = BatchWorkload.Start(Urls);

    [GlobalCleanup]
    public void Cleanup() => _batch.Dispose();

    [Benchmark(Baseline = true, Description = "bare HttpClient: OPTIONS + GET per URL")]
    public Task<int> Bare() => _batch.BareAsync(_batch.Urls);

    [Benchmark(Description = "ProbeManyAsync, builder per URL")]
    public Task<int> BuilderPerUrl() => BatchWorkload.ProbeManyAsync(_batch.Urls.Select(BatchWorkload.Probe));

    [Benchmark(Description = "ProbeManyAsync, builder per URL, bare client")]
    public Task<int> BuilderPerUrlBareClient() => BatchWorkload.ProbeManyAsync(_batch.Urls.Select(url => BatchWorkload.Probe(url).UsingHttpClient(_batch.Api.Client)));

    [Benchmark(Description = "ProbeManyAsync, template.ForUrl")]
    public Task<int> TemplateForUrl()
    {
        var template = BatchWorkload.Probe(_batch.Urls[0]);
        return BatchWorkload.ProbeManyAsync(_batch.Urls.Select(template.ForUrl));
    }
}

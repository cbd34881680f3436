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
public class BatchBenchmarks : BatchRows
{
    [GlobalSetup]
    public void Setup() => Batch = BatchWorkload.Start(Urls);

    [Benchmark(Description = "ProbeManyAsync, builder per URL, bare client")]
    public Task<int> BuilderPerUrlBareClient() => BatchWorkload.ProbeManyAsync(Batch.Urls.Select(url => BatchWorkload.Probe(url).UsingHttpClient(Batch.Api.Client)));

    [Benchmark(Description = "ProbeManyAsync, template.ForUrl")]
    public Task<int> TemplateForUrl()
    {
        var template = BatchWorkload.Probe(Batch.Urls[0]);
        return BatchWorkload.ProbeManyAsync(Batch.Urls.Select(template.ForUrl));
    }
}

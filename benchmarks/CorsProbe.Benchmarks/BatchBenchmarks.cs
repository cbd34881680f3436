using BenchmarkDotNet.Attributes;

namespace CorsProbing.Benchmarks;

/// <summary>
/// 20,000 URLs at concurrency 64 against nginx in another process: <see cref="CorsProbe.ProbeManyAsync"/> with a
/// builder per URL (as the README shows) or a template retargeted per URL, vs a bare <c>HttpClient</c> sending the
/// same two requests per URL (the preflight and the GET) through <c>Parallel.ForEachAsync</c>.
/// </summary>
[MemoryDiagnoser]
[CpuDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class BatchBenchmarks
{
    private const int Urls = 20_000;
    private const int Concurrency = 64;
    private static readonly CorsBatchOptions Limits = new() { MaxConcurrency = Concurrency, MaxConcurrencyPerHost = Concurrency };
    private NginxCorsApi _api = null!;
    private string[] _urls = null!;

    [GlobalSetup]
    public void Setup()
    {
        _api = NginxCorsApi.Start();
        _urls = [.. Enumerable.Range(0, Urls).Select(i => $"{_api.Url}?customer={i}")];
    }

    [GlobalCleanup]
    public void Cleanup() => _api.Dispose();

    [Benchmark(Baseline = true, Description = "bare HttpClient: OPTIONS + GET per URL")]
    public async Task<int> Bare()
    {
        var ok = 0;
        await Parallel.ForEachAsync(_urls, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (url, token) =>
        {
            if (await _api.BarePreflightAndGetAsync(url, token))
            {
                Interlocked.Increment(ref ok);
            }
        });
        return ok;
    }

    [Benchmark(Description = "ProbeManyAsync, builder per URL")]
    public Task<int> BuilderPerUrl() => CountAllowedAsync(_urls.Select(NginxCorsApi.Probe));

    [Benchmark(Description = "ProbeManyAsync, builder per URL, bare client")]
    public Task<int> BuilderPerUrlBareClient() => CountAllowedAsync(_urls.Select(url => NginxCorsApi.Probe(url).UsingHttpClient(_api.Client)));

    [Benchmark(Description = "ProbeManyAsync, template.ForUrl")]
    public Task<int> TemplateForUrl()
    {
        var template = NginxCorsApi.Probe(_api.Url);
        return CountAllowedAsync(_urls.Select(template.ForUrl));
    }

    private static async Task<int> CountAllowedAsync(IEnumerable<CorsProbeBuilder> probes)
    {
        var allowed = 0;
        await foreach (var report in CorsProbe.ProbeManyAsync(probes, Limits))
        {
            allowed += report.IsAllowed ? 1 : 0;
        }

        return allowed;
    }
}

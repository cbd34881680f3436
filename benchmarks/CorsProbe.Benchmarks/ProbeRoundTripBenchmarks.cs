using BenchmarkDotNet.Attributes;

namespace CorsProbing.Benchmarks;

/// <summary>
/// One whole probe (the preflight for PUT, then the stand-in GET) against nginx in another process, vs a bare
/// <c>HttpClient</c> sending the same two requests: what CorsProbe adds on top of the HTTP exchanges themselves. Each
/// CorsProbe row builds its builder per call, as the README shows, or retargets a template with <c>ForUrl</c>.
/// </summary>
[MemoryDiagnoser]
[CpuDiagnoser]
public class ProbeRoundTripBenchmarks
{
    private NginxCorsApi _api = null!;
    private CorsProbeBuilder _template = null!;

    [GlobalSetup]
    public void Setup()
    {
        _api = NginxCorsApi.Start();
        _template = NginxCorsApi.Probe(_api.Url);
    }

    [GlobalCleanup]
    public void Cleanup() => _api.Dispose();

    [Benchmark(Baseline = true, Description = "bare HttpClient: OPTIONS + GET")]
    public Task<bool> Bare() => _api.BarePreflightAndGetAsync(_api.Url);

    [Benchmark(Description = "ProbeAsync, builder per call")]
    public async Task<bool> BuilderPerCall() => (await NginxCorsApi.Probe(_api.Url).ProbeAsync()).IsAllowed;

    [Benchmark(Description = "ProbeAsync, builder per call, bare client")]
    public async Task<bool> BuilderPerCallBareClient() => (await NginxCorsApi.Probe(_api.Url).UsingHttpClient(_api.Client).ProbeAsync()).IsAllowed;

    [Benchmark(Description = "ProbeAsync, template.ForUrl")]
    public async Task<bool> TemplateForUrl() => (await _template.ForUrl(_api.Url).ProbeAsync()).IsAllowed;
}

using BenchmarkDotNet.Attributes;

namespace CorsProbing.Benchmarks;

/// <summary>
/// A whole probe against an in-process Kestrel on loopback vs the bare <c>HttpClient.SendAsync(OPTIONS)</c> that
/// carries the same headers to the same endpoint: what CorsProbe adds on top of the HTTP exchange itself.
/// </summary>
[MemoryDiagnoser]
public class ProbeRoundTripBenchmarks
{
    private LoopbackCorsApi _api = null!;
    private CorsProbeBuilder _probe = null!;

    [GlobalSetup]
    public void Setup()
    {
        _api = LoopbackCorsApi.Start();
        _probe = _api.Probe();
    }

    [GlobalCleanup]
    public void Cleanup() => _api.Dispose();

    [Benchmark(Baseline = true)]
    public Task<int> BareHttpClient() => _api.BareOptionsAsync();

    [Benchmark]
    public async Task<bool> ProbeAsync() => (await _probe.ProbeAsync()).IsAllowed;
}

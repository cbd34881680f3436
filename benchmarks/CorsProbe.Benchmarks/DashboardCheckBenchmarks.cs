using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;

namespace CorsProbing.Benchmarks;

/// <summary>
/// A check through the dashboard sample (<c>POST /api/check</c> to the dashboard in its own process, which probes nginx
/// in a third process through <c>AddCorsProbe</c> and returns <c>report.ToJson()</c>) against the same probe made
/// directly with <c>ProbeAsync</c>: what the service around the library costs. <c>GET /health</c> is the dashboard's
/// HTTP floor.
/// </summary>
[MemoryDiagnoser]
[CpuDiagnoser]
public class DashboardCheckBenchmarks
{
    private NginxCorsApi _api = null!;
    private DashboardProcess _dashboard = null!;
    private object _check = null!;

    [GlobalSetup]
    public void Setup()
    {
        _api = NginxCorsApi.Start();
        _dashboard = DashboardProcess.Start(new Uri(_api.Url).GetLeftPart(UriPartial.Authority));

        // The same requirements as NginxCorsApi.Probe.
        _check = new { url = _api.Url, origin = SampleResponses.Origin, methods = new[] { "PUT" }, headers = new[] { "Content-Type", "Authorization" }, credentials = true };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _dashboard.Dispose();
        _api.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ProbeAsync, direct")]
    public async Task<bool> Direct() => (await NginxCorsApi.Probe(_api.Url).ProbeAsync()).IsAllowed;

    [Benchmark(Description = "POST /api/check through the dashboard")]
    public async Task<int> ThroughDashboard()
    {
        using var response = await _dashboard.Client.PostAsJsonAsync("/api/check", _check);
        var json = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        return json.Length;
    }

    [Benchmark(Description = "GET /health of the dashboard")]
    public async Task<int> Health()
    {
        using var response = await _dashboard.Client.GetAsync(new Uri("/health", UriKind.Relative));
        return (int)response.EnsureSuccessStatusCode().StatusCode;
    }
}

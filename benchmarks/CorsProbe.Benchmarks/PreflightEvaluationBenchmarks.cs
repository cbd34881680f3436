using System.Net;
using BenchmarkDotNet.Attributes;
using CorsProbing.Evaluation;

namespace CorsProbing.Benchmarks;

/// <summary>The evaluation of a typical allowed preflight response: CorsProbe's decision vs the usual hand-written check.</summary>
[MemoryDiagnoser]
public class PreflightEvaluationBenchmarks
{
    private const string Origin = "https://dashboard.galxe.com";
    private HttpResponseMessage _allowed = null!;
    private PreflightContext _context;

    [GlobalSetup]
    public void Setup()
    {
        _allowed = new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = new HttpRequestMessage(HttpMethod.Options, "https://api.example.com/quests") };
        _allowed.Headers.TryAddWithoutValidation("Access-Control-Allow-Origin", Origin);
        _allowed.Headers.TryAddWithoutValidation("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        _allowed.Headers.TryAddWithoutValidation("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Api-Key, X-Request-Id, Accept-Language");
        _allowed.Headers.TryAddWithoutValidation("Access-Control-Allow-Credentials", "true");
        _allowed.Headers.TryAddWithoutValidation("Access-Control-Max-Age", "600");
        _allowed.Headers.TryAddWithoutValidation("Vary", "Origin");
        _context = new PreflightContext(_allowed.RequestMessage.RequestUri!, Origin, "PUT", ["authorization", "content-type"], Credentials: true);
    }

    [GlobalCleanup]
    public void Cleanup() => _allowed.Dispose();

    /// <summary>The same decisions written the usual way: TryGetValues + string.Split + Trim + HashSet.</summary>
    [Benchmark(Baseline = true)]
    public bool NaiveCheck()
    {
        var headers = _allowed.Headers;
        if (!headers.TryGetValues("Access-Control-Allow-Origin", out var origins) || origins.Single().Trim() != Origin)
        {
            return false;
        }

        if (!headers.TryGetValues("Access-Control-Allow-Credentials", out var credentials) || credentials.Single().Trim() != "true")
        {
            return false;
        }

        var methods = new HashSet<string>(StringComparer.Ordinal);
        if (headers.TryGetValues("Access-Control-Allow-Methods", out var methodLines))
        {
            foreach (var item in string.Join(",", methodLines).Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                methods.Add(item.Trim());
            }
        }

        var allowedHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (headers.TryGetValues("Access-Control-Allow-Headers", out var headerLines))
        {
            foreach (var item in string.Join(",", headerLines).Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                allowedHeaders.Add(item.Trim());
            }
        }

        return (int)_allowed.StatusCode is >= 200 and < 300
            && methods.Contains("PUT")
            && allowedHeaders.Contains("authorization")
            && allowedHeaders.Contains("content-type");
    }

    /// <summary>CorsProbe's decision only: every check of cors-rules.md §4.</summary>
    [Benchmark]
    public bool CorsProbeDecision() => CorsEvaluator.Evaluate(_allowed, _context).PreflightPasses;
}

using BenchmarkDotNet.Attributes;
using CorsProbing.Evaluation;
using CorsProbing.Reporting;
using CorsProbing.Requirements;

namespace CorsProbing.Benchmarks;

/// <summary>
/// Judging a typical preflight response: the naive hand-written check, CorsProbe's decision only, and CorsProbe
/// building the whole immutable report from the response.
/// </summary>
[MemoryDiagnoser]
public class PreflightEvaluationBenchmarks
{
    private static readonly string[] UnsafeHeaders = ["authorization", "content-type"];
    private HttpResponseMessage _response = null!;
    private PreflightContext _context;
    private CorsRequirements _requirements = null!;

    [Params("allowed", "denied")]
    public string Response { get; set; } = "allowed";

    [GlobalSetup]
    public void Setup()
    {
        _response = Response == "allowed" ? SampleResponses.Allowed() : SampleResponses.Denied();
        _context = new PreflightContext(_response.RequestMessage!.RequestUri!, SampleResponses.Origin, "PUT", UnsafeHeaders, Credentials: true);
        _requirements = new CorsRequirements
        {
            Url = _response.RequestMessage.RequestUri!,
            Origin = SampleResponses.Origin,
            Methods = ["PUT"],
            Headers = [new AuthorHeader("Authorization", null), new AuthorHeader("Content-Type", null)],
            Credentials = true,
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _response.Dispose();

    [Benchmark(Baseline = true)]
    public int Naive() => (int)NaiveCorsCheck.Evaluate(_response, SampleResponses.Origin, "PUT", UnsafeHeaders, credentials: true);

    [Benchmark]
    public int Decision() => (int)CorsEvaluator.Evaluate(_response, _context).Checks;

    [Benchmark]
    public CorsReport FullReport()
    {
        var outcome = PreflightOutcome.FromResponse(_response, _context, TimeSpan.FromMilliseconds(12));
        return ReportBuilder.Build(_requirements, SampleResponses.Origin, [outcome], TimeSpan.FromMilliseconds(12));
    }
}

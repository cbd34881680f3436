using BenchmarkDotNet.Attributes;
using CorsProbing.Evaluation;
using CorsProbing.Evidence;
using CorsProbing.Http;
using CorsProbing.Orchestration;
using CorsProbing.Reporting;
using CorsProbing.Requirements;

namespace CorsProbing.Benchmarks;

/// <summary>
/// Judging a typical preflight response: the naive hand-written check, CorsProbe's decision only (the evaluation
/// record from the snapshot the exchange stage took), and CorsProbe building the whole immutable report from it.
/// </summary>
[MemoryDiagnoser]
public class PreflightEvaluationBenchmarks
{
    private static readonly string[] UnsafeHeaders = ["authorization", "content-type"];
    private HttpResponseMessage _response = null!;
    private ResponseSnapshot _snapshot = null!;
    private ProbePlan _plan = null!;
    private CorsExchange _exchange = null!;

    [Params("allowed", "denied")]
    public string Response { get; set; } = "allowed";

    [GlobalSetup]
    public void Setup()
    {
        _response = Response == "allowed" ? SampleResponses.Allowed() : SampleResponses.Denied();
        _snapshot = Http.ResponseReader.Snapshot(_response);
        _plan = ProbePlan.Create(new CorsRequirements
        {
            Url = _response.RequestMessage!.RequestUri!,
            Origin = SampleResponses.Origin,
            Methods = ["PUT"],
            Headers = [new AuthorHeader("Authorization", null), new AuthorHeader("Content-Type", null)],
            Credentials = true,
        });
        var context = _plan.Preflights[0];
        _exchange = new CorsExchange(context.Method, context.RequestUri, context.BrowserSendsPreflight, _plan.PreflightHeaders[0], _snapshot, TimeSpan.FromMilliseconds(12), null);
    }

    [GlobalCleanup]
    public void Cleanup() => _response.Dispose();

    [Benchmark(Baseline = true)]
    public int Naive() => (int)NaiveCorsCheck.Evaluate(_response, SampleResponses.Origin, "PUT", UnsafeHeaders, credentials: true);

    [Benchmark]
    public int Decision() => (int)CorsEvaluator.EvaluatePreflight(_snapshot, _plan.Preflights[0]).Checks;

    [Benchmark]
    public CorsReport FullReport()
    {
        var context = _plan.Preflights[0];
        var reading = new MethodEvidence(context, _exchange, CorsEvaluator.EvaluatePreflight(_snapshot, context), FollowUpChain.None, _plan.Facts);
        return ReportBuilder.Build(_plan.Facts, _plan.Requirements.Profile, [reading], TimeSpan.FromMilliseconds(12));
    }
}

using CorsProbing.Evaluation;
using CorsProbing.Evidence;
using CorsProbing.Http;
using CorsProbing.Reporting;
using CorsProbing.Requirements;

namespace CorsProbing.Tests.Reporting.Rules;

/// <summary>
/// The evidence one rule reads, written by hand: a request, the OPTIONS answer as a status and header lines (or a
/// failure), and optionally the answer to the request after it. The responses are evaluated as the evaluation stage
/// does; no transport, orchestrator or other rule is involved, so a rule's test says what that rule alone reports.
/// </summary>
internal sealed record HandBuiltEvidence
{
    public string Method { get; init; } = "PUT";

    public string[] UnsafeHeaders { get; init; } = [];

    public bool Credentials { get; init; }

    public bool SendsFollowUp { get; init; } = true;

    public int Status { get; init; } = 204;

    public (string Name, string Value)[] Lines { get; init; } = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT"), ("Vary", "Origin")];

    public IReadOnlyList<string> Leniencies { get; init; } = [];

    public ExchangeFailure? Failure { get; init; }

    public TimeSpan Elapsed { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The answer to the request after the preflight (the actual GET/HEAD, or the stand-in GET), if one was sent.</summary>
    public (int Status, (string Name, string Value)[] Lines)? FollowUp { get; init; }

    public ExchangeFailure? FollowUpFailure { get; init; }

    /// <summary>Why browsers would not follow the follow-up's redirect, and where it pointed.</summary>
    public (RedirectRefusal Why, Uri? Location) Refusal { get; init; }

    public CorsProfile Profile { get; init; } = CorsProfile.Browser;

    /// <summary>The profiles judged besides the browsers and <see cref="Profile"/> (<c>AlsoJudgeBy</c>).</summary>
    public CorsProfile[] AlsoJudged { get; init; } = [];

    public Uri Url { get; init; } = new(Probe.Url);

    public CorsRequest Request => new(Url, Probe.Origin, Method, UnsafeHeaders, Credentials, SendsFollowUp);

    public ProbeFacts Facts => new(Url, Probe.Origin, Credentials, ReportBuilder.JudgedProfiles(Profile, AlsoJudged), NetworkPolicy.PublicOnly, []);

    public MethodEvidence Evidence()
    {
        var request = Request;
        var response = Failure is null ? Snapshot(Status, Lines) with { Leniencies = Leniencies, RawBytesRead = Leniencies.Count > 0 } : null;
        var preflight = response is null ? default : CorsEvaluator.EvaluatePreflight(response, request);
        var chain = FollowUpChain.None;
        if (FollowUp is { } followUp || FollowUpFailure is not null)
        {
            var answer = FollowUp is { } sent ? Snapshot(sent.Status, sent.Lines) : null;
            var evaluation = answer is null ? default : CorsEvaluator.EvaluateActualResponse(answer, request);
            var exchange = new CorsExchange("GET", Url, false, [], answer, Elapsed, FollowUpFailure, request.FollowUp ?? ExchangeKind.StandIn);
            chain = new FollowUpChain(exchange, evaluation, [], FollowUpFailure, Refusal.Why, Refusal.Location);
        }

        var preflightExchange = new CorsExchange(
            Method, Url, request.BrowserSendsPreflight, [], response, Elapsed, Failure, ExchangeKind.Preflight, chain.First, chain.Evidence(request, response is not null), [], EngineSet.All, preflight.MaxAges);
        return new MethodEvidence(request, preflightExchange, preflight, chain, Facts);
    }

    /// <summary>What <paramref name="rule"/> adds for this evidence.</summary>
    public List<FindingDraft> Run(Action<MethodEvidence, List<FindingDraft>> rule)
    {
        var findings = new List<FindingDraft>();
        rule(Evidence(), findings);
        return findings;
    }

    private static ResponseSnapshot Snapshot(int status, (string Name, string Value)[] lines) =>
        new(status, null, [.. lines.Select(line => new KeyValuePair<string, string>(line.Name, line.Value))], null);
}

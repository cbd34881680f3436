using CorsProbing.Evaluation;
using CorsProbing.Evidence;
using CorsProbing.Http;

namespace CorsProbing.Reporting;

/// <summary>What the rules of one required method read: what was asked, what came back, and its evaluation.</summary>
/// <param name="context">What the preflight asked.</param>
/// <param name="exchange">The preflight as it happened, with the requests after it nested.</param>
/// <param name="preflight">The evaluation of the OPTIONS answer; absent when none arrived.</param>
/// <param name="followUps">The requests sent after the preflight and what they met.</param>
/// <param name="probe">What the rules know of the whole probe.</param>
internal sealed class MethodEvidence(CorsRequest context, CorsExchange exchange, ResponseEvaluation preflight, FollowUpChain followUps, ProbeFacts probe)
{
    // The checks any response after the preflight failed, redirect hops included.
    private readonly CorsChecks _followUpChecks = FollowUpChecks(followUps);

    /// <summary>What the preflight asked.</summary>
    public CorsRequest Context { get; } = context;

    /// <summary>The preflight as it happened, with the requests after it nested.</summary>
    public CorsExchange Exchange { get; } = exchange;

    /// <summary>The evaluation of the OPTIONS answer; <see cref="ResponseEvaluation.IsAbsent"/> when none arrived.</summary>
    public ResponseEvaluation Preflight { get; } = preflight;

    /// <summary>
    /// The CORS check of the first response after the preflight (the actual GET/HEAD's, or the stand-in's);
    /// <see cref="ResponseEvaluation.IsAbsent"/> when none was judged.
    /// </summary>
    public ResponseEvaluation Actual => FollowUps.FirstEvaluation;

    /// <summary>The requests after the preflight and what they met: redirect hops, the failure, a refused redirect.</summary>
    public FollowUpChain FollowUps { get; } = followUps;

    /// <summary>Why a request after the preflight got no response, when one did not.</summary>
    public ExchangeFailure? ActualFailure => FollowUps.Failure;

    /// <summary>What the rules know of the whole probe.</summary>
    public ProbeFacts Probe { get; } = probe;

    /// <summary>The method the rules are about.</summary>
    public string Method => Context.Method;

    /// <summary>
    /// Appended to findings about the OPTIONS answer for a request browsers send without a preflight: it does not block
    /// browsers, only profiles that always preflight.
    /// </summary>
    public string NoPreflightNote
    {
        get
        {
            if (Context.BrowserSendsPreflight)
            {
                return string.Empty;
            }

            var strict = ProfileJudgement.Subjects(Probe.Profiles, p => p.AlwaysPreflights);
            var consequence = strict is null ? string.Empty : $"; the check of {strict} fails on it";
            return $" A browser sends no preflight for {Method} without CORS-unsafe headers, so this does not block browsers{consequence}.";
        }
    }

    /// <summary>Whether the OPTIONS answer or the actual response failed one of <paramref name="checks"/>.</summary>
    public bool AnyResponseHas(CorsChecks checks) => ((Preflight.Checks | _followUpChecks) & checks) != 0;

    /// <summary>Whether the OPTIONS answer failed one of <paramref name="checks"/>.</summary>
    public bool PreflightHas(CorsChecks checks) => (Preflight.Checks & checks) != 0;

    private static CorsChecks FollowUpChecks(FollowUpChain followUps)
    {
        var checks = followUps.FirstEvaluation.Checks;
        for (var i = 0; i < followUps.Redirects.Count; i++)
        {
            checks |= followUps.Redirects[i].Evaluation.Checks;
        }

        return checks;
    }

    /// <summary>A draft about this method, with this preflight's browser facts.</summary>
    public FindingDraft Draft(string code, string title, FindingScope scope, CorsSeverity severity, string message, string? remedy) =>
        new(code, title, Method, scope, severity, message, remedy) { BrowserSendsPreflight = Context.BrowserSendsPreflight, Engines = Context.Engines };
}

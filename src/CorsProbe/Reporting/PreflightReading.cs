using CorsProbing.Evaluation;
using CorsProbing.Requirements;

namespace CorsProbing.Reporting;

/// <summary>What the rules of one required method read: what was asked, what came back, and its evaluation.</summary>
/// <param name="Context">What the preflight asked.</param>
/// <param name="Exchange">The preflight as it happened, with the actual request nested when one was sent.</param>
/// <param name="Preflight">The evaluation of the OPTIONS answer, or <see langword="null"/> when none arrived.</param>
/// <param name="Actual">The CORS check of the actual GET/HEAD's response, or <see langword="null"/> when none was judged.</param>
/// <param name="ActualFailure">Why the actual GET/HEAD got no response, when it was sent and got none.</param>
/// <param name="Probe">What the rules know of the whole probe.</param>
internal sealed record PreflightReading(
    PreflightContext Context,
    PreflightExchange Exchange,
    ResponseEvaluation? Preflight,
    ResponseEvaluation? Actual,
    ExchangeFailure? ActualFailure,
    ProbeFacts Probe)
{
    /// <summary>The checks the OPTIONS answer failed; none when no answer arrived.</summary>
    // Kept apart so that a rule learns whether it has anything to say without copying the evidence.
    public CorsChecks PreflightChecks { get; } = Preflight?.Checks ?? CorsChecks.None;

    /// <summary>The checks the actual response failed; none when none was judged.</summary>
    public CorsChecks ActualChecks { get; } = Actual?.Checks ?? CorsChecks.None;

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
    public bool AnyResponseHas(CorsChecks checks) => ((PreflightChecks | ActualChecks) & checks) != 0;

    /// <summary>Whether the OPTIONS answer failed one of <paramref name="checks"/>.</summary>
    public bool PreflightHas(CorsChecks checks) => (PreflightChecks & checks) != 0;

    /// <summary>A draft about this method, with this preflight's browser facts.</summary>
    public FindingDraft Draft(string code, string title, FindingScope scope, CorsSeverity severity, string message, string? remedy) =>
        new(code, title, Method, scope, severity, message, remedy) { BrowserSendsPreflight = Context.BrowserSendsPreflight };
}

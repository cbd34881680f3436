using CorsProbing.Evaluation;
using CorsProbing.Http;

namespace CorsProbing.Evidence;

/// <summary>
/// The requests CorsProbe sent after a preflight, as a browser sends them: the first (actual GET/HEAD or stand-in GET),
/// then every hop its redirects led to, up to the response browsers judge last or the point where they stop.
/// </summary>
/// <param name="First">The first request after the preflight, or <see langword="null"/> when none was sent.</param>
/// <param name="FirstEvaluation">Its response's evaluation; absent when none came.</param>
/// <param name="Redirects">The hops after the first, in order.</param>
/// <param name="Failure">Why the last request sent got no response, or <see langword="null"/>.</param>
/// <param name="Refusal">Why browsers would not follow the last redirect, or <see cref="RedirectRefusal.None"/>.</param>
/// <param name="RefusedLocation">The <c>Location</c> of a refused redirect, when it parsed.</param>
internal sealed record FollowUpChain(
    CorsExchange? First,
    ResponseEvaluation FirstEvaluation,
    IReadOnlyList<FollowUpHop> Redirects,
    ExchangeFailure? Failure,
    RedirectRefusal Refusal,
    Uri? RefusedLocation)
{
    /// <summary>The engines that read every response of the chain alike: the chain is theirs.</summary>
    public EngineSet Engines { get; init; } = EngineSet.All;

    /// <summary>Nothing was sent after the preflight.</summary>
    public static FollowUpChain None { get; } = new(null, default, [], null, RedirectRefusal.None, null);

    /// <summary>
    /// What the Browser verdict for <paramref name="context"/> rests on: the preflight browsers send, when it was
    /// answered, and the responses after it, when the chain reached the one browsers judge last or the point where
    /// they stop (not when a request got no response).
    /// </summary>
    public CorsEvidence Evidence(in CorsRequest context, bool preflightAnswered)
    {
        var evidence = context.BrowserSendsPreflight && preflightAnswered ? CorsEvidence.Preflight : CorsEvidence.None;
        if (FirstEvaluation.IsAbsent || Failure is not null)
        {
            return evidence;
        }

        return evidence | (context.FollowUp == ExchangeKind.StandIn ? CorsEvidence.StandIn : CorsEvidence.ActualResponse);
    }
}

using CorsProbing.Evaluation;
using CorsProbing.Evidence;
using CorsProbing.Http;

namespace CorsProbing.Orchestration;

/// <summary>
/// The orchestrator of what a browser sends after a preflight it passes (or without one): the actual GET/HEAD or the
/// stand-in GET, then each redirect as <c>fetch()</c> follows it in CORS mode (docs/cors-rules.md, "Redirects"): the
/// CORS check on every redirect, at most 20, the origin turning <c>null</c> after a cross-origin hop, and a preflight
/// at the new URL when the request still needs one. Every request goes through the same guarded transport and deadline.
/// Where the engines read a response's bytes differently (a malformed head), the chain goes on for each group of
/// engines from the same bytes, so each gets a chain of its own.
/// </summary>
internal static class FollowUpRun
{
    /// <summary>
    /// Sends the requests after the preflight of <paramref name="context"/>, adding to <paramref name="chains"/> one chain
    /// per group of engines that read every answer alike.
    /// </summary>
    public static Task RunAsync(
        ExchangeTransport transport, ProbePlan plan, CorsRequest context, ProbeDeadline deadline, List<FollowUpChain> chains, CancellationToken cancellationToken) =>
        ContinueAsync(transport, plan, context.Origin, new ChainState(context, plan.Requirements.Headers, null, default, []), 0, deadline, chains, cancellationToken);

    private static async Task ContinueAsync(
        ExchangeTransport transport, ProbePlan plan, string page, ChainState state, int hop, ProbeDeadline deadline, List<FollowUpChain> chains, CancellationToken cancellationToken)
    {
        var time = plan.Requirements.TimeProvider;
        var body = RequestFactory.CarriesContent(state.Context) ? plan.Requirements.RequestBody : default;
        var lines = RequestFactory.FollowUpHeaders(state.Context, state.Headers, body.Length);
        var request = RequestFactory.FollowUp(state.Context, lines, body);
        var answer = await Exchanger.SendAsync(transport, request, state.Context.Engines, time, deadline, cancellationToken).ConfigureAwait(false);
        foreach (var (context, reading) in answer.Groups(state.Context))
        {
            // Each reading continues a chain of its own: the hops so far are copied when the chain forks.
            var redirects = answer.Readings.Count == 1 ? state.Redirects : [.. state.Redirects];
            var evaluation = reading.Response is { } response ? CorsEvaluator.EvaluateActualResponse(response, context) : default;

            // A stand-in turned into a GET by a 301/302/303 is the browser's own request from there on.
            var exchange = new CorsExchange(request.Method, context.RequestUri, false, lines, reading.Response, answer.Elapsed, reading.Failure, context.FollowUp!.Value);
            var (first, firstEvaluation) = hop == 0 ? (exchange, evaluation) : (state.First, state.FirstEvaluation);
            if (hop > 0)
            {
                redirects.Add(new FollowUpHop(context, exchange, evaluation));
            }

            // Browsers stop at a response that is not a redirect, and at a redirect that fails the CORS check.
            if (evaluation.IsAbsent || !evaluation.Has(CorsChecks.Redirect) || !evaluation.CorsCheckPasses)
            {
                chains.Add(new FollowUpChain(first, firstEvaluation, redirects, reading.Failure, RedirectRefusal.None, null) { Engines = context.Engines });
                continue;
            }

            var location = RedirectCheck.RedirectLocation(evaluation.Headers.Location)!;
            var next = RedirectStep.Next(context, state.Headers, page, evaluation.Response.Status, location, hop);
            if (next.Refusal != RedirectRefusal.None)
            {
                chains.Add(new FollowUpChain(first, firstEvaluation, redirects, null, next.Refusal, next.Location) { Engines = context.Engines });
                continue;
            }

            if (next.Context.BrowserSendsPreflight && !await PreflightPassesAsync(transport, plan, next.Context, deadline, redirects, cancellationToken).ConfigureAwait(false))
            {
                chains.Add(new FollowUpChain(first, firstEvaluation, redirects, redirects[^1].Exchange.Failure, RedirectRefusal.None, null) { Engines = context.Engines });
                continue;
            }

            await ContinueAsync(transport, plan, page, new ChainState(next.Context, next.Headers, first, firstEvaluation, redirects), hop + 1, deadline, chains, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    // The request a redirect leads to still needs a preflight (an unsafe method or header that survived the redirect):
    // browsers send it to the new URL, from the origin the request now has. Its answer is read as the group's first
    // engine reads it.
    private static async Task<bool> PreflightPassesAsync(
        ExchangeTransport transport, ProbePlan plan, CorsRequest context, ProbeDeadline deadline, List<FollowUpHop> redirects, CancellationToken cancellationToken)
    {
        var lines = RequestFactory.PreflightHeaders(context);
        var request = RequestFactory.Preflight(context, lines);
        var answer = await Exchanger.SendAsync(transport, request, context.Engines, plan.Requirements.TimeProvider, deadline, cancellationToken).ConfigureAwait(false);
        var evaluation = answer.Response is { } response ? CorsEvaluator.EvaluatePreflight(response, context) : default;
        var exchange = new CorsExchange(context.Method, context.RequestUri, true, lines, answer.Response, answer.Elapsed, answer.Failure, maxAges: evaluation.MaxAges);
        redirects.Add(new FollowUpHop(context, exchange, evaluation));
        return !evaluation.IsAbsent && evaluation.PreflightPassesIn(context.Engines);
    }

    // Where a chain stands before its next request: what is sent next, and what was sent so far.
    private sealed record ChainState(
        CorsRequest Context, IReadOnlyList<AuthorHeader> Headers, CorsExchange? First, ResponseEvaluation FirstEvaluation, List<FollowUpHop> Redirects);
}

using System.Runtime.CompilerServices;
using CorsProbing.Evaluation;
using CorsProbing.Http;
using CorsProbing.Reporting;
using CorsProbing.Requirements;

namespace CorsProbing;

/// <summary>
/// The orchestrator of what a browser sends after a preflight it passes (or without one): the actual GET/HEAD or the
/// stand-in GET, then each redirect as <c>fetch()</c> follows it in CORS mode (docs/cors-rules.md, "Redirects"): the
/// CORS check on every redirect, at most 20, the origin turning <c>null</c> after a cross-origin hop, and a preflight
/// at the new URL when the request still needs one. Every request goes through the same guarded transport and deadline.
/// </summary>
internal static class FollowUpRun
{
    /// <summary>Sends the requests after the preflight of <paramref name="context"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<FollowUpChain> RunAsync(
        HttpClient client, ProbePlan plan, PreflightContext context, ProbeDeadline deadline, CancellationToken cancellationToken)
    {
        var time = plan.Requirements.TimeProvider;
        var page = context.Origin;
        var headers = plan.Requirements.Headers;
        PreflightExchange? first = null;
        var firstEvaluation = default(ResponseEvaluation);
        var redirects = new List<FollowUpHop>();
        for (var hop = 0; ; hop++)
        {
            var lines = PreflightRequestFactory.FollowUpHeaders(context, headers);
            using var request = PreflightRequestFactory.FollowUp(context, lines);
            var answer = await Exchanger.SendAsync(client, request, time, deadline, cancellationToken).ConfigureAwait(false);
            var evaluation = answer.Response is { } response ? CorsEvaluator.EvaluateActualResponse(response, context) : default;
            // A stand-in turned into a GET by a 301/302/303 is the browser's own request from there on.
            var exchange = new PreflightExchange(request.Method.Method, context.RequestUri, false, lines, answer.Response, answer.Elapsed, answer.Failure, context.FollowUp!.Value);
            if (hop == 0)
            {
                (first, firstEvaluation) = (exchange, evaluation);
            }
            else
            {
                redirects.Add(new FollowUpHop(context, exchange, evaluation));
            }

            // Browsers stop at a response that is not a redirect, and at a redirect that fails the CORS check.
            if (evaluation.IsAbsent || !evaluation.Has(CorsChecks.Redirect) || !evaluation.CorsCheckPasses)
            {
                return new FollowUpChain(first, firstEvaluation, redirects, answer.Failure, RedirectRefusal.None, null);
            }

            var location = RedirectCheck.RedirectLocation(evaluation.Headers.Location)!;
            var next = RedirectStep.Next(context, headers, page, evaluation.Response.Status, location, hop);
            if (next.Refusal != RedirectRefusal.None)
            {
                return new FollowUpChain(first, firstEvaluation, redirects, null, next.Refusal, next.Location);
            }

            (context, headers) = (next.Context, next.Headers);
            if (context.BrowserSendsPreflight && !await PreflightPassesAsync(client, plan, context, deadline, redirects, cancellationToken).ConfigureAwait(false))
            {
                return new FollowUpChain(first, firstEvaluation, redirects, redirects[^1].Exchange.Failure, RedirectRefusal.None, null);
            }
        }
    }

    // The request a redirect leads to still needs a preflight (an unsafe method or header that survived the redirect):
    // browsers send it to the new URL, from the origin the request now has.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<bool> PreflightPassesAsync(
        HttpClient client, ProbePlan plan, PreflightContext context, ProbeDeadline deadline, List<FollowUpHop> redirects, CancellationToken cancellationToken)
    {
        var lines = PreflightRequestFactory.PreflightHeaders(context);
        using var request = PreflightRequestFactory.Preflight(context, lines);
        var answer = await Exchanger.SendAsync(client, request, plan.Requirements.TimeProvider, deadline, cancellationToken).ConfigureAwait(false);
        var evaluation = answer.Response is { } response ? CorsEvaluator.EvaluatePreflight(response, context) : default;
        redirects.Add(new FollowUpHop(context, new PreflightExchange(context.Method, context.RequestUri, true, lines, answer.Response, answer.Elapsed, answer.Failure), evaluation));
        return !evaluation.IsAbsent && evaluation.PreflightPassesIn(context.Engines);
    }
}

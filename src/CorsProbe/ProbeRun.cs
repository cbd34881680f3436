using System.Runtime.CompilerServices;
using CorsProbing.Audit;
using CorsProbing.Diagnostics;
using CorsProbing.Evaluation;
using CorsProbing.Http;
using CorsProbing.Reporting;

namespace CorsProbing;

/// <summary>
/// The orchestrator: runs the stages in order for one probe. Exchange (each required method's preflight, then the
/// actual GET/HEAD or a stand-in GET where browsers would send the request), evaluate each response, audit if asked,
/// then report and record telemetry. No stage calls another; only this does.
/// </summary>
internal static class ProbeRun
{
    /// <summary>Runs <paramref name="plan"/> within its timeout.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<CorsReport> RunAsync(ProbePlan plan, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var requirements = plan.Requirements;
        var time = requirements.TimeProvider;
        var started = time.GetTimestamp();
        using var probeActivity = CorsProbeTelemetry.StartProbe(requirements.Url, requirements.Profile);
        using var deadline = ProbeDeadline.Start(plan.Timeout, time, cancellationToken);
        var client = ProbeTransport.For(requirements, out var owned);
        using var disposeOwned = owned;

        var readings = new PreflightReading[plan.Preflights.Length];
        for (var i = 0; i < readings.Length; i++)
        {
            readings[i] = await ProbeMethodAsync(client, plan, i, deadline, cancellationToken).ConfigureAwait(false);
        }

        var audit = requirements.Audit || requirements.RejectedOrigins.Count > 0
            ? await AuditAsync(client, plan, readings[0], cancellationToken).ConfigureAwait(false)
            : null;
        var report = ReportBuilder.Build(plan.Facts, requirements.Profile, readings, time.GetElapsedTime(started), audit);
        CorsProbeTelemetry.ProbeDone(probeActivity, report);
        return report;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<PreflightReading> ProbeMethodAsync(HttpClient client, ProbePlan plan, int index, ProbeDeadline deadline, CancellationToken cancellationToken)
    {
        var context = plan.Preflights[index];
        var headers = plan.PreflightHeaders[index];
        var time = plan.Requirements.TimeProvider;
        using var activity = CorsProbeTelemetry.StartPreflight(context.Method);

        using var request = PreflightRequestFactory.Preflight(context, headers);
        var sent = await Exchanger.SendAsync(client, request, time, deadline, cancellationToken).ConfigureAwait(false);

        var preflight = sent.Response is { } response ? CorsEvaluator.EvaluatePreflight(response, context) : default;

        // Browsers send the next request when they send no preflight, or when the preflight passes.
        var followUps = !preflight.IsAbsent && context.FollowUp is not null && (!context.BrowserSendsPreflight || preflight.PreflightPassesIn(context.Engines))
            ? await FollowUpRun.RunAsync(client, plan, context, deadline, cancellationToken).ConfigureAwait(false)
            : FollowUpChain.None;

        var exchange = new PreflightExchange(
            context.Method, context.RequestUri, context.BrowserSendsPreflight, headers, sent.Response, sent.Elapsed, sent.Failure, ExchangeKind.Preflight,
            followUps.First, followUps.Evidence(context, !preflight.IsAbsent), [.. followUps.Redirects.Select(hop => hop.Exchange)], context.Engines);
        CorsProbeTelemetry.PreflightDone(activity, exchange);
        return new PreflightReading(context, exchange, preflight, followUps, plan.Facts);
    }

    // The audit needs an answering target. It re-sends the first method's request with other origins: the GET/HEAD
    // itself only when a browser sends no preflight for it and the target already allows it.
    private static async Task<AuditResult?> AuditAsync(HttpClient client, ProbePlan plan, PreflightReading first, CancellationToken cancellationToken)
    {
        if (first.Preflight.IsAbsent)
        {
            return null;
        }

        var allowed = first.Actual.IsAbsent ? first.Preflight.CorsCheckPasses : first.Actual.CorsCheckPasses;
        var responses = await AuditRunner.RunAsync(client, plan, first.Context.SendsSimpleActualRequest && allowed, cancellationToken).ConfigureAwait(false);
        return AuditFindings.Classify(responses, plan.Requirements.Url, plan.Requirements.Audit);
    }
}

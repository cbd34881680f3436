using CorsProbing.Audit;
using CorsProbing.Diagnostics;
using CorsProbing.Evaluation;
using CorsProbing.Evidence;
using CorsProbing.Http;
using CorsProbing.Reporting;

namespace CorsProbing.Orchestration;

/// <summary>
/// The orchestrator: runs the stages in order for one probe. Exchange (each required method's preflight, then the
/// actual GET/HEAD or a stand-in GET where browsers would send the request), evaluate each response, audit if asked,
/// then report and record telemetry. No stage calls another; only this does.
/// </summary>
internal static class ProbeRun
{
    /// <summary>Runs <paramref name="plan"/> within its timeout.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<CorsReport> RunAsync(ProbePlan plan, CancellationToken cancellationToken) => RunAsync(plan, transport: null, cancellationToken);

    /// <summary>Runs <paramref name="plan"/> through <paramref name="transport"/> (null: the one its requirements choose).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<CorsReport> RunAsync(ProbePlan plan, ExchangeTransport? transport, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var requirements = plan.Requirements;
        var time = requirements.TimeProvider;
        var started = time.GetTimestamp();
        using var probeActivity = CorsProbeTelemetry.StartProbe(requirements.Url, requirements.Profile);
        using var deadline = ProbeDeadline.Start(plan.Timeout, time, cancellationToken);
        IDisposable? owned = null;
        transport ??= ProbeTransport.For(requirements, out owned);
        using var disposeOwned = owned;

        var methods = new List<MethodEvidence>(plan.Preflights.Length);
        for (var i = 0; i < plan.Preflights.Length; i++)
        {
            await ProbeMethodAsync(transport, plan, plan.Preflights[i], plan.PreflightHeaders[i], deadline, methods, cancellationToken).ConfigureAwait(false);
        }

        var audit = requirements.Audit || requirements.RejectedOrigins.Count > 0
            ? await AuditAsync(transport, plan, methods.Find(method => !method.Preflight.IsAbsent), cancellationToken).ConfigureAwait(false)
            : null;
        var report = ReportBuilder.Build(plan.Facts, requirements.Profile, methods, time.GetElapsedTime(started), audit);
        CorsProbeTelemetry.ProbeDone(probeActivity, report);
        return report;
    }

    // Where the engines read an answer's bytes differently (a malformed head), each group of engines that read them
    // alike gets a reading of its own, judged by its own reading of the same bytes.
    private static async Task ProbeMethodAsync(
        ExchangeTransport transport, ProbePlan plan, CorsRequest planned, IReadOnlyList<KeyValuePair<string, string>> headers, ProbeDeadline deadline,
        List<MethodEvidence> methods, CancellationToken cancellationToken)
    {
        var time = plan.Requirements.TimeProvider;
        using var activity = CorsProbeTelemetry.StartPreflight(planned.Method);

        var request = RequestFactory.Preflight(planned, headers);
        var sent = await Exchanger.SendAsync(transport, request, planned.Engines, time, deadline, cancellationToken).ConfigureAwait(false);
        foreach (var (context, answer) in sent.Groups(planned))
        {
            var preflight = answer.Response is { } response ? CorsEvaluator.EvaluatePreflight(response, context) : default;

            // Browsers send the next request when they send no preflight, or when the preflight passes.
            var chains = new List<FollowUpChain>(1);
            if (!preflight.IsAbsent && context.FollowUp is not null && (!context.BrowserSendsPreflight || preflight.PreflightPassesIn(context.Engines)))
            {
                await FollowUpRun.RunAsync(transport, plan, context, deadline, chains, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                chains.Add(FollowUpChain.None with { Engines = context.Engines });
            }

            foreach (var followUps in chains)
            {
                var forGroup = context with { Engines = followUps.Engines };
                var exchange = new CorsExchange(
                    forGroup.Method, forGroup.RequestUri, forGroup.BrowserSendsPreflight, headers, answer.Response, sent.Elapsed, answer.Failure, ExchangeKind.Preflight,
                    followUps.First, followUps.Evidence(forGroup, !preflight.IsAbsent), followUps.Redirects.Count == 0 ? [] : [.. followUps.Redirects.Select(hop => hop.Exchange)], forGroup.Engines, preflight.MaxAges);
                CorsProbeTelemetry.PreflightDone(activity, exchange);
                methods.Add(new MethodEvidence(forGroup, exchange, preflight, followUps, plan.Facts));
            }
        }
    }

    // The audit needs a target that answered some engine. It re-sends the first method's request with other origins:
    // the GET/HEAD itself only when a browser sends no preflight for it and the target already allows it.
    private static async Task<AuditResult?> AuditAsync(ExchangeTransport transport, ProbePlan plan, MethodEvidence? first, CancellationToken cancellationToken)
    {
        if (first is null)
        {
            return null;
        }

        var allowed = first.Actual.IsAbsent ? first.Preflight.CorsCheckPasses : first.Actual.CorsCheckPasses;
        var responses = await AuditRunner.RunAsync(transport, plan, first.Context.SendsSimpleActualRequest && allowed, cancellationToken).ConfigureAwait(false);
        return AuditFindings.Classify(responses, plan.Requirements.Url, plan.Requirements.Audit);
    }
}

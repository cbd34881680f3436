using CorsProbing.Audit;
using CorsProbing.Diagnostics;
using CorsProbing.Evaluation;
using CorsProbing.Reporting;
using CorsProbing.Requirements;

namespace CorsProbing.Http;

/// <summary>The exchange step: sends one preflight per required method and hands each response to the evaluator.</summary>
internal static class PreflightProbe
{
    /// <summary>
    /// Runs the probe described by <paramref name="requirements"/> within its timeout; <paramref name="preflightHeaders"/>
    /// holds the header lines of each method's preflight (<see cref="PreflightRequestFactory.HeadersForEachMethod"/>).
    /// </summary>
    public static async Task<CorsReport> RunAsync(
        CorsRequirements requirements, IReadOnlyList<KeyValuePair<string, string>>[] preflightHeaders, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var origin = requirements.EffectiveOrigin ?? throw new InvalidOperationException("No origin to probe from.");
        var timeout = requirements.EffectiveTimeout;
        var time = requirements.TimeProvider;
        var started = time.GetTimestamp();
        using var probeActivity = CorsProbeTelemetry.StartProbe(requirements.Url, requirements.Profile);

        using var deadline = ProbeDeadline.Start(timeout, time, cancellationToken);
        var probeToken = deadline.Token;
        var ownedClient = requirements.Client is null && requirements.Handler is not null
            ? new HttpClient(requirements.Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }
            : null;
        var client = requirements.Client ?? ownedClient ?? DefaultTransport.For(requirements.NetworkPolicy, requirements.TrustedCertificates);

        try
        {
            var methods = requirements.EffectiveMethods;
            var outcomes = new PreflightOutcome[methods.Count];
            for (var i = 0; i < outcomes.Length; i++)
            {
                var context = new PreflightContext(requirements.Url, origin, methods[i], requirements.UnsafeHeaderNames, requirements.Credentials);
                var requestHeaders = preflightHeaders[i];
                var sent = time.GetTimestamp();
                if (probeToken.IsCancellationRequested)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    outcomes[i] = PreflightOutcome.Failed(context, requestHeaders, "the probe's time ran out before this preflight was sent.", timedOut: true, TimeSpan.Zero, timeout);
                    continue;
                }

                using var request = PreflightRequestFactory.Create(context, requestHeaders);
                using var preflightActivity = CorsProbeTelemetry.StartPreflight(context.Method);
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, probeToken).ConfigureAwait(false);
                    var elapsed = time.GetElapsedTime(sent);
                    using var actual = ActualRequest.Applies(context)
                        ? await ActualRequest.TrySendAsync(client, context, requirements.Headers, time, probeToken, cancellationToken).ConfigureAwait(false)
                        : null;
                    outcomes[i] = PreflightOutcome.FromResponse(response, context, elapsed, requestHeaders, actual);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The caller's cancellation is theirs to see, unwrapped and with their token.
                    cancellationToken.ThrowIfCancellationRequested();
                    throw;
                }
                catch (OperationCanceledException)
                {
                    // Our timeout, or the caller's HttpClient.Timeout.
                    var elapsed = time.GetElapsedTime(sent);
                    var limit = probeToken.IsCancellationRequested ? timeout : elapsed;
                    var description = $"gave up after {PreflightFindings.Seconds(elapsed)} (limit {PreflightFindings.Seconds(limit)}).";
                    outcomes[i] = PreflightOutcome.Failed(context, requestHeaders, description, timedOut: true, elapsed, timeout);
                }
#pragma warning disable CA1031 // The target's behaviour is data: any transport failure becomes CORS001, never an exception.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    outcomes[i] = TransportErrors.Blocked(exception) is { } blocked
                        ? PreflightOutcome.Blocked(context, requestHeaders, blocked, requirements.NetworkPolicy, time.GetElapsedTime(sent))
                        : PreflightOutcome.Failed(context, requestHeaders, TransportErrors.Describe(exception), timedOut: false, time.GetElapsedTime(sent), timeout);
                }

                CorsProbeTelemetry.PreflightDone(preflightActivity, outcomes[i].Exchange);
            }

            var audit = requirements.Audit || requirements.RejectedOrigins.Count > 0
                ? await AuditAsync(client, requirements, origin, outcomes[0], cancellationToken).ConfigureAwait(false)
                : null;
            var report = ReportBuilder.Build(requirements, origin, outcomes, time.GetElapsedTime(started), audit);
            CorsProbeTelemetry.ProbeDone(probeActivity, report);
            return report;
        }
        finally
        {
            ownedClient?.Dispose();
        }
    }

    // The audit needs an answering target; it re-sends the first method's request with other origins, as the GET/HEAD
    // itself only when a browser sends no preflight for it and the target already allows it.
    private static async Task<AuditOutcome?> AuditAsync(HttpClient client, CorsRequirements requirements, string origin, PreflightOutcome first, CancellationToken cancellationToken)
    {
        if (first.Exchange.StatusCode is null)
        {
            return null;
        }

        var context = new PreflightContext(requirements.Url, origin, first.Exchange.Method, requirements.UnsafeHeaderNames, requirements.Credentials);
        var allowed = ReportBuilder.Judge([.. first.Findings], CorsProfile.Browser) == CorsVerdict.Allowed;
        return await AuditOutcome.RunAsync(client, requirements, origin, ActualRequest.Applies(context) && allowed, cancellationToken).ConfigureAwait(false);
    }
}

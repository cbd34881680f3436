using CorsProbing.Evaluation;
using CorsProbing.Reporting;
using CorsProbing.Requirements;

namespace CorsProbing.Http;

/// <summary>The exchange step: sends one preflight per required method and hands each response to the evaluator.</summary>
internal static class PreflightProbe
{
    /// <summary>Runs the probe described by <paramref name="requirements"/> within its timeout.</summary>
    public static async Task<CorsReport> RunAsync(CorsRequirements requirements, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var origin = requirements.EffectiveOrigin ?? throw new InvalidOperationException("No origin to probe from.");
        var unsafeNames = CorsUnsafeHeaderNames.Compute(requirements.Headers);
        var timeout = requirements.EffectiveTimeout;
        var time = requirements.TimeProvider;
        var started = time.GetTimestamp();

        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linkedSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var ownedClient = requirements.Client is null && requirements.Handler is not null
            ? new HttpClient(requirements.Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }
            : null;
        var client = requirements.Client ?? ownedClient ?? DefaultTransport.Client;

        try
        {
            var outcomes = new List<PreflightOutcome>();
            foreach (var method in requirements.EffectiveMethods)
            {
                var context = new PreflightContext(requirements.Url, origin, method, unsafeNames, requirements.Credentials);
                var exchange = new Exchange(client, context, time, timeout, linkedSource.Token, cancellationToken);
                outcomes.Add(await exchange.RunAsync().ConfigureAwait(false));
            }

            return ReportBuilder.Build(requirements, origin, outcomes, time.GetElapsedTime(started));
        }
        finally
        {
            ownedClient?.Dispose();
        }
    }

    private readonly struct Exchange(
        HttpClient client,
        PreflightContext context,
        TimeProvider time,
        TimeSpan timeout,
        CancellationToken probeToken,
        CancellationToken callerToken)
    {
        public async Task<PreflightOutcome> RunAsync()
        {
            var requestHeaders = Array.AsReadOnly(PreflightRequestFactory.HeadersFor(context));
            var started = time.GetTimestamp();
            if (probeToken.IsCancellationRequested)
            {
                callerToken.ThrowIfCancellationRequested();
                return PreflightOutcome.Failed(context, requestHeaders, "the probe's time ran out before this preflight was sent.", timedOut: true, TimeSpan.Zero, timeout);
            }

            using var request = PreflightRequestFactory.Create(context, requestHeaders);
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, probeToken).ConfigureAwait(false);
                return PreflightOutcome.FromResponse(response, context, time.GetElapsedTime(started), requestHeaders);
            }
            catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
            {
                // The caller's cancellation is theirs to see, unwrapped and with their token.
                callerToken.ThrowIfCancellationRequested();
                throw;
            }
            catch (OperationCanceledException)
            {
                // Our timeout, or the caller's HttpClient.Timeout.
                var elapsed = time.GetElapsedTime(started);
                var limit = probeToken.IsCancellationRequested ? timeout : elapsed;
                return PreflightOutcome.Failed(context, requestHeaders, $"gave up after {PreflightFindings.Seconds(elapsed)} (limit {PreflightFindings.Seconds(limit)}).", timedOut: true, elapsed, timeout);
            }
#pragma warning disable CA1031 // The target's behaviour is data: any transport failure becomes CORS001, never an exception.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                return PreflightOutcome.Failed(context, requestHeaders, TransportErrors.Describe(exception), timedOut: false, time.GetElapsedTime(started), timeout);
            }
        }
    }
}

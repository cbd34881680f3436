using CorsProbing.Evaluation;

namespace CorsProbing.Reporting;

/// <summary>One preflight's exchange and the findings drawn from it.</summary>
internal sealed record PreflightOutcome(PreflightExchange Exchange, IReadOnlyList<FindingDraft> Findings)
{
    /// <summary>Evaluates <paramref name="response"/> and captures what the report keeps of it.</summary>
    public static PreflightOutcome FromResponse(
        HttpResponseMessage response, in PreflightContext context, TimeSpan elapsed, IReadOnlyList<KeyValuePair<string, string>>? requestHeaders = null, Http.ActualRequest? actual = null)
    {
        var decision = CorsEvaluator.Evaluate(response, context);
        if (actual is null)
        {
            return new PreflightOutcome(Answered(context, requestHeaders, response, elapsed), PreflightFindings.ForResponse(response, context, decision, elapsed));
        }

        var actualDecision = CorsEvaluator.EvaluateActualResponse(actual.Response, context);
        var exchange = Answered(context, requestHeaders, response, elapsed, Answered(context, actual.RequestHeaders, actual.Response, actual.Elapsed));
        return new PreflightOutcome(exchange, PreflightFindings.ForResponse(response, context, decision, elapsed, (actual.Response, actualDecision)));
    }

    private static PreflightExchange Answered(
        in PreflightContext context, IReadOnlyList<KeyValuePair<string, string>>? requestHeaders, HttpResponseMessage response, TimeSpan elapsed, PreflightExchange? actual = null) =>
        new(context, requestHeaders, (int)response.StatusCode, response.ReasonPhrase, ResponseSnapshot.HeaderLines(response), elapsed, error: null, actual);

    /// <summary>A preflight the network policy refused to send.</summary>
    public static PreflightOutcome Blocked(in PreflightContext context, IReadOnlyList<KeyValuePair<string, string>>? requestHeaders, Safety.BlockedAddressException blocked, NetworkPolicy policy, TimeSpan elapsed)
    {
        var exchange = new PreflightExchange(context, requestHeaders, statusCode: null, reasonPhrase: null, [], elapsed, blocked.Message);
        return new PreflightOutcome(exchange, [PreflightFindings.ForBlocked(context, blocked, policy)]);
    }

    /// <summary>A preflight that got no response.</summary>
    public static PreflightOutcome Failed(in PreflightContext context, IReadOnlyList<KeyValuePair<string, string>>? requestHeaders, string description, bool timedOut, TimeSpan elapsed, TimeSpan timeout)
    {
        var exchange = new PreflightExchange(
            context,
            requestHeaders,
            statusCode: null,
            reasonPhrase: null,
            [],
            elapsed,
            description);
        return new PreflightOutcome(exchange, PreflightFindings.ForFailure(context, description, timedOut, timeout));
    }
}

using System.Security.Cryptography;
using CorsProbing.Audit;
using CorsProbing.Evaluation;
using CorsProbing.Http;

namespace CorsProbing.Orchestration;

/// <summary>
/// Sends the audit's extra requests through the probe's own client (same SSRF guard and transport), a few at a time,
/// within one more probe timeout. Each crafted origin asks what the main probe asked (first method, same headers and
/// credentials mode): a preflight, or — only for a simple GET/HEAD the target already allows — the GET/HEAD itself, as a
/// browser sends it. No unsafe method's actual request is ever sent.
/// </summary>
internal static class AuditRunner
{
    /// <summary>How many audit requests are in flight at once.</summary>
    public const int MaxConcurrency = 4;

    /// <summary>Runs the audit's crafted origins and the rejected origins; the responses come back in request order.</summary>
    public static async Task<IReadOnlyList<AuditResponse>> RunAsync(ExchangeTransport transport, ProbePlan plan, bool sendActualRequest, CancellationToken cancellationToken)
    {
        var requirements = plan.Requirements;
        var first = plan.Preflights[0];
        var label = RandomNumberGenerator.GetHexString(8, lowercase: true);
        var origins = new List<AuditOrigin>();
        if (requirements.Audit)
        {
            origins.AddRange(AuditOrigins.For(plan.Origin, label));
        }

        origins.AddRange(requirements.RejectedOrigins.Select(rejected => new AuditOrigin(rejected, AuditTechnique.Rejected)));

        using var deadline = ProbeDeadline.Start(plan.Timeout, requirements.TimeProvider, cancellationToken);
        using var gate = new SemaphoreSlim(MaxConcurrency);
        var exchanges = origins
            .Select(origin => SendAsync(transport, requirements, first with { Origin = origin.Origin }, origin, sendActualRequest, gate, deadline, cancellationToken))
            .ToList();
        if (requirements.Audit)
        {
            // The configured origin asks for an invented method, and for the first method with an invented header: only a
            // server that reflects the request lists them. Apart, because servers list headers only for methods they know.
            string[] headers = [.. first.UnsafeHeaderNames.Append($"x-corsprobe-{label}").Order(StringComparer.Ordinal)];
            var lists = new AuditOrigin(plan.Origin, AuditTechnique.ReflectedLists);
            exchanges.Add(SendAsync(transport, requirements, first with { Method = AuditOrigins.InventedMethod }, lists, actual: false, gate, deadline, cancellationToken));
            exchanges.Add(SendAsync(transport, requirements, first with { UnsafeHeaderNames = headers }, lists, actual: false, gate, deadline, cancellationToken));
        }

        return await Task.WhenAll(exchanges).ConfigureAwait(false);
    }

    private static async Task<AuditResponse> SendAsync(
        ExchangeTransport transport, CorsRequirements requirements, CorsRequest context, AuditOrigin origin, bool actual, SemaphoreSlim gate, ProbeDeadline deadline, CancellationToken callerToken)
    {
        var requestMethod = actual ? context.Method : "OPTIONS";
        try
        {
            await gate.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            callerToken.ThrowIfCancellationRequested();
            return AuditResponse.Failed(origin, requestMethod, "the audit's time ran out before this request was sent.");
        }

        try
        {
            var request = actual
                ? RequestFactory.FollowUp(context, RequestFactory.FollowUpHeaders(context, requirements.Headers))
                : RequestFactory.Preflight(context, RequestFactory.PreflightHeaders(context));
            var sent = await Exchanger.SendAsync(transport, request, context.Engines, requirements.TimeProvider, deadline, callerToken).ConfigureAwait(false);

            // Judged as the probe judges: by every engine's reading. What one engine lets through is the finding.
            AuditResponse? kept = null;
            foreach (var (judgedBy, reading) in sent.Groups(context))
            {
                if (reading.Response is not { } response)
                {
                    kept ??= AuditResponse.Failed(origin, requestMethod, reading.Failure!.Kind == ExchangeFailureKind.TimedOut ? "timed out." : reading.Failure.Description);
                    continue;
                }

                var evaluation = actual ? CorsEvaluator.EvaluateActualResponse(response, judgedBy) : CorsEvaluator.EvaluatePreflight(response, judgedBy);
                var allows = actual ? evaluation.CorsCheckPasses : evaluation.PreflightPassesIn(judgedBy.Engines);
                if (kept is null or { Error: not null } || (allows && !kept.BrowserAllows))
                {
                    kept = AuditResponse.From(origin, requestMethod, evaluation, allows);
                }
            }

            return kept!;
        }
        finally
        {
            gate.Release();
        }
    }
}

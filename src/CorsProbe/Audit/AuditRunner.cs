using System.Security.Cryptography;
using CorsProbing.Evaluation;
using CorsProbing.Http;
using CorsProbing.Requirements;

namespace CorsProbing.Audit;

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

    /// <summary>The method of the invented-lists check: no server lists it unless it reflects the request.</summary>
    public const string InventedMethod = "CORSPROBE-AUDIT";

    /// <summary>Runs the audit's crafted origins and the rejected origins; the responses come back in request order.</summary>
    public static async Task<IReadOnlyList<AuditResponse>> RunAsync(
        HttpClient client, CorsRequirements requirements, string origin, bool audit, bool sendActualRequest, CancellationToken cancellationToken)
    {
        var label = RandomNumberGenerator.GetHexString(8, lowercase: true);
        var origins = new List<AuditOrigin>();
        if (audit)
        {
            origins.AddRange(AuditOrigins.For(origin, label));
        }

        origins.AddRange(requirements.RejectedOrigins.Select(rejected => new AuditOrigin(rejected, AuditTechnique.Rejected)));

        var method = requirements.EffectiveMethods[0];
        using var deadline = ProbeDeadline.Start(requirements.EffectiveTimeout, requirements.TimeProvider, cancellationToken);
        using var gate = new SemaphoreSlim(MaxConcurrency);
        var exchanges = origins
            .Select(o => new PreflightContext(requirements.Url, o.Origin, method, requirements.UnsafeHeaderNames, requirements.Credentials))
            .Select((context, i) => SendAsync(client, requirements, context, origins[i], sendActualRequest, gate, deadline.Token, cancellationToken))
            .ToList();
        if (audit)
        {
            // The configured origin asks for an invented method and header: only a server that reflects the request lists them.
            string[] headers = [.. requirements.UnsafeHeaderNames.Append($"x-corsprobe-{label}").Order(StringComparer.Ordinal)];
            var context = new PreflightContext(requirements.Url, origin, InventedMethod, headers, requirements.Credentials);
            exchanges.Add(SendAsync(client, requirements, context, new AuditOrigin(origin, AuditTechnique.ReflectedLists), actual: false, gate, deadline.Token, cancellationToken));
        }

        return await Task.WhenAll(exchanges).ConfigureAwait(false);
    }

    private static async Task<AuditResponse> SendAsync(
        HttpClient client, CorsRequirements requirements, PreflightContext context, AuditOrigin origin, bool actual, SemaphoreSlim gate, CancellationToken token, CancellationToken callerToken)
    {
        var requestMethod = actual ? context.Method : "OPTIONS";
        try
        {
            await gate.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            callerToken.ThrowIfCancellationRequested();
            return AuditResponse.Failed(origin, requestMethod, "the audit's time ran out before this request was sent.");
        }

        try
        {
            if (actual)
            {
                using var sent = await ActualRequest.TrySendAsync(client, context, requirements.Headers, requirements.TimeProvider, token, callerToken).ConfigureAwait(false);
                return sent is null
                    ? AuditResponse.Failed(origin, requestMethod, "the request got no response.")
                    : AuditResponse.From(origin, requestMethod, sent.Response, (CorsEvaluator.EvaluateActualResponse(sent.Response, context).Checks & CorsChecks.CorsCheck) == 0);
            }

            using var request = PreflightRequestFactory.Create(context, PreflightRequestFactory.HeadersFor(context));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            return AuditResponse.From(origin, requestMethod, response, CorsEvaluator.Evaluate(response, context).PreflightPasses);
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
        {
            callerToken.ThrowIfCancellationRequested();
            throw;
        }
#pragma warning disable CA1031 // An audit request that fails is reported as such; it never fails the probe.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return AuditResponse.Failed(origin, requestMethod, exception is OperationCanceledException ? "timed out." : TransportErrors.Describe(exception));
        }
        finally
        {
            gate.Release();
        }
    }
}

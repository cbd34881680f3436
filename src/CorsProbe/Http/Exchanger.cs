namespace CorsProbing.Http;

/// <summary>
/// Sends one request and keeps what came back: the response's snapshot (headers only; the body is never read), or why
/// none arrived. The one place that tells the caller's cancellation (thrown, unwrapped, with their token) from the
/// probe's own timeout and from the target's failures (both returned as data).
/// </summary>
internal static class Exchanger
{
    /// <summary>Sends <paramref name="request"/> within <paramref name="deadline"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="callerToken"/> was cancelled.</exception>
    public static async Task<(ResponseSnapshot? Response, ExchangeFailure? Failure, TimeSpan Elapsed)> SendAsync(
        HttpClient client, HttpRequestMessage request, TimeProvider time, ProbeDeadline deadline, CancellationToken callerToken)
    {
        var sent = time.GetTimestamp();
        if (deadline.Token.IsCancellationRequested)
        {
            callerToken.ThrowIfCancellationRequested();
            return (null, new(ExchangeFailureKind.TimedOut, "the probe's time ran out before this request was sent.", deadline.Timeout), TimeSpan.Zero);
        }

        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            return (ResponseReader.Snapshot(response), null, time.GetElapsedTime(sent));
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
        {
            callerToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (OperationCanceledException)
        {
            // The probe's timeout, or the caller's own HttpClient.Timeout (then the limit is what elapsed).
            var elapsed = time.GetElapsedTime(sent);
            var limit = deadline.Token.IsCancellationRequested ? deadline.Timeout : elapsed;
            var description = $"gave up after {Durations.Seconds(elapsed)} (limit {Durations.Seconds(limit)}).";
            return (null, new(ExchangeFailureKind.TimedOut, description, limit), elapsed);
        }
#pragma warning disable CA1031 // The target's behaviour is data: any transport failure becomes a finding, never an exception.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var failure = TransportErrors.Blocked(exception) is { } blocked
                ? new ExchangeFailure(ExchangeFailureKind.AddressRefused, blocked.Message)
                : new ExchangeFailure(ExchangeFailureKind.Failed, TransportErrors.Describe(exception));
            return (null, failure, time.GetElapsedTime(sent));
        }
    }
}

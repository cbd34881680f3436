namespace CorsProbing.Http;

/// <summary>
/// Sends one request and keeps what came back: each engine group's reading of the response (headers only), or why none
/// arrived. The one place that tells the caller's cancellation (thrown, unwrapped, with their token) from the probe's
/// own timeout and from the target's failures (both returned as data).
/// </summary>
internal static class Exchanger
{
    /// <summary>Sends <paramref name="request"/> through <paramref name="transport"/> within <paramref name="deadline"/>, read as <paramref name="engines"/> read it.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="callerToken"/> was cancelled.</exception>
    public static async Task<Exchanged> SendAsync(
        ExchangeTransport transport, ProbeRequest request, EngineSet engines, TimeProvider time, ProbeDeadline deadline, CancellationToken callerToken)
    {
        var sent = time.GetTimestamp();
        if (deadline.Token.IsCancellationRequested)
        {
            callerToken.ThrowIfCancellationRequested();
            return Failed(engines, new(ExchangeFailureKind.TimedOut, "the probe's time ran out before this request was sent.", deadline.Timeout), TimeSpan.Zero);
        }

        try
        {
            var readings = await transport.SendAsync(request, engines, deadline.Token).ConfigureAwait(false);
            return new Exchanged(readings, time.GetElapsedTime(sent));
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
        {
            callerToken.ThrowIfCancellationRequested();
            throw;
        }
        catch (OperationCanceledException exception)
        {
            // The probe's timeout, or the caller's own HttpClient.Timeout (then the limit is what elapsed).
            var elapsed = time.GetElapsedTime(sent);
            var limit = deadline.Token.IsCancellationRequested ? deadline.Timeout : elapsed;
            var connecting = exception is ConnectTimeoutException ? $" while connecting: {exception.Message}" : string.Empty;
            return Failed(engines, new(ExchangeFailureKind.TimedOut, $"gave up after {Durations.Seconds(elapsed)} (limit {Durations.Seconds(limit)}){connecting}.", limit) { NoConnection = connecting.Length > 0 }, elapsed);
        }
#pragma warning disable CA1031 // The target's behaviour is data: any transport failure becomes a finding, never an exception.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // A caller's handler that throws something other than a network error did not reach the target at all.
            var failure = TransportErrors.Blocked(exception) is { } blocked ? new ExchangeFailure(ExchangeFailureKind.AddressRefused, blocked.Message) { RefusedClass = blocked.Class }
                : transport is ClientTransport && exception is not (HttpRequestException or IOException or SocketException)
                    ? new ExchangeFailure(ExchangeFailureKind.HandlerFailed, $"it threw {exception.GetType().Name} ({exception.Message.Trim().TrimEnd('.')}).")
                : new ExchangeFailure(ExchangeFailureKind.Failed, TransportErrors.Describe(exception)) { NoConnection = TransportErrors.NoConnection(exception) };
            return Failed(engines, failure, time.GetElapsedTime(sent));
        }
    }

    private static Exchanged Failed(EngineSet engines, ExchangeFailure failure, TimeSpan elapsed) => new([new HeadReading(engines, null, failure)], elapsed);
}

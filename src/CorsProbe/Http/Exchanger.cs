using System.Runtime.CompilerServices;

namespace CorsProbing.Http;

/// <summary>
/// Sends one request and keeps what came back: the response's snapshot (headers only; the body is never read), or why
/// none arrived. The one place that tells the caller's cancellation (thrown, unwrapped, with their token) from the
/// probe's own timeout and from the target's failures (both returned as data).
/// </summary>
internal static class Exchanger
{
    // Each failed attempt retires one stale pooled connection; a burst of closed keep-alive connections can hold several.
    private const int MaxAttempts = 16;

    /// <summary>
    /// Sends <paramref name="request"/> within <paramref name="deadline"/>, reading the answer as the first of
    /// <paramref name="engines"/> does; <c>Readings</c> are each group's reading of the same bytes when the engines read
    /// them differently (a malformed head), else null.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="callerToken"/> was cancelled.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<(ResponseSnapshot? Response, ExchangeFailure? Failure, TimeSpan Elapsed, IReadOnlyList<EngineReading>? Readings)> SendAsync(
        HttpClient client, HttpRequestMessage request, EngineSet engines, TimeProvider time, ProbeDeadline deadline, CancellationToken callerToken)
    {
        var sent = time.GetTimestamp();
        if (deadline.Token.IsCancellationRequested)
        {
            callerToken.ThrowIfCancellationRequested();
            return (null, new(ExchangeFailureKind.TimedOut, "the probe's time ran out before this request was sent.", deadline.Timeout), TimeSpan.Zero, null);
        }

        HttpRequestMessage? retry = null;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var capture = new HeadCapture();
                HeadCapture.Current = capture;
                try
                {
                    ExchangeFailure failure;
                    try
                    {
                        using var response = await client.SendAsync(retry ?? request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);

                        // Browsers' reading of the raw bytes, when the transport captured them; else the handler's.
                        var (snapshot, refused) = WireJudgement.Judge(capture, response.RequestMessage?.RequestUri ?? request.RequestUri, null, engines, out var readings)
                            ?? (ResponseReader.Snapshot(response), null);
                        return (snapshot, refused, time.GetElapsedTime(sent), readings);
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
                        return (null, new(ExchangeFailureKind.TimedOut, $"gave up after {Durations.Seconds(elapsed)} (limit {Durations.Seconds(limit)}).", limit), elapsed, null);
                    }
#pragma warning disable CA1031 // The target's behaviour is data: any transport failure becomes a finding, never an exception.
                    catch (Exception exception)
#pragma warning restore CA1031
                    {
                        failure = TransportErrors.Blocked(exception) is { } blocked
                            ? new ExchangeFailure(ExchangeFailureKind.AddressRefused, blocked.Message)
                            : new ExchangeFailure(ExchangeFailureKind.Failed, TransportErrors.Describe(exception));
                    }

                    // .NET refused the response: browsers may still accept its bytes, or refuse them for a reason worth naming.
                    var (judged, judgedFailure) = WireJudgement.Judge(capture, request.RequestUri, failure, engines, out var judgedReadings) ?? (null, failure);

                    // The server had closed a kept-alive connection when the request went out on it: browsers resend such a
                    // request on a new connection, and so does the probe (each failed attempt retires one stale pooled connection).
                    if (judgedFailure is { Kind: ExchangeFailureKind.Failed } && capture is { ConnectionReused: true, IsEmpty: true }
                        && attempt < MaxAttempts && !deadline.Token.IsCancellationRequested)
                    {
                        retry?.Dispose();
                        retry = Copy(request);
                        continue;
                    }

                    return (judged, judgedFailure, time.GetElapsedTime(sent), judgedReadings);
                }
                finally
                {
                    // Every snapshot holds strings of its own: the bytes can go back to the pool.
                    capture.Release();
                }
            }
        }
        finally
        {
            retry?.Dispose();
        }
    }

    // A request message is sent once; a retry sends the same method, URL, version and headers (probes send no content).
    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers.NonValidated)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }
}

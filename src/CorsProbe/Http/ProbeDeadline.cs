namespace CorsProbing.Http;

/// <summary>
/// The probe's one cancellation token: the caller's token and the probe's timeout, covering DNS, connect, TLS and
/// headers. With the system clock this is a single token source (a linked one when the caller's token can cancel);
/// with another <see cref="TimeProvider"/> the timeout is that provider's timer.
/// </summary>
internal readonly struct ProbeDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenSource? _timeout;

    private ProbeDeadline(CancellationTokenSource source, CancellationTokenSource? timeout, TimeSpan limit)
    {
        _source = source;
        _timeout = timeout;
        Timeout = limit;
    }

    /// <summary>The time limit.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Cancelled when the caller cancels or the time runs out.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Starts the clock.</summary>
    public static ProbeDeadline Start(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        // Link the caller's token only when it can cancel: most single probes pass none, and the link costs a registration.
        if (!cancellationToken.CanBeCanceled)
        {
            return new ProbeDeadline(new CancellationTokenSource(timeout, time), null, timeout);
        }

        if (time == TimeProvider.System)
        {
            // A batch always passes a cancellable token: one source and one timer per probe, not two sources.
            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            linked.CancelAfter(timeout);
            return new ProbeDeadline(linked, null, timeout);
        }

        var timeoutSource = new CancellationTokenSource(timeout, time);
        return new ProbeDeadline(CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token), timeoutSource, timeout);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _source.Dispose();
        _timeout?.Dispose();
    }
}

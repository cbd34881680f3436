using CorsProbing.Safety;

namespace CorsProbing.Http;

/// <summary>
/// The kept-alive connections of the default transport to one scheme, host and port (under one network policy and one
/// set of trusted certificates: the <see cref="WireTransport"/> that owns the pool). At most
/// <see cref="WireTransport.Limits.MaxConnectionsPerHost"/> requests are in flight at once, each on a connection of its own; idle connections are
/// reused newest first, and closed when they have been idle too long or open too long.
/// </summary>
#pragma warning disable CA1001 // The semaphore's wait handle is never asked for, so it holds nothing to dispose; a retired pool may still see slots released.
internal sealed class ConnectionPool(GuardedConnect guard, TrustedCertificates trust, WireTransport.Limits limits)
{
    // How long a connection may be idle before its reuse first checks that the server has not closed it.
    private static readonly TimeSpan CheckedAfter = TimeSpan.FromSeconds(1);

    private readonly Stack<WireConnection> _idle = new();
    private readonly SemaphoreSlim _slots = new(limits.MaxConnectionsPerHost);
    private bool _retired;
#pragma warning restore CA1001

    /// <summary>
    /// Waits for a free slot, then takes an idle connection that is still open, or opens one (a fresh one when
    /// <paramref name="fresh"/>). The caller gives the connection back with <see cref="Return"/> and the slot with
    /// <see cref="Release"/>.
    /// </summary>
    public async ValueTask<(WireConnection Connection, bool Reused)> RentAsync(Uri url, bool fresh, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!fresh && TakeIdle() is { } idle)
            {
                // A connection idle for a moment is taken as it is (if the server closed it meanwhile, the request is sent
                // once more on a new one); one idle longer is asked whether the server has closed it, to spare a request.
                var now = TimeProvider.System.GetTimestamp();
                if (!Expired(idle, now) && (TimeProvider.System.GetElapsedTime(idle.IdleSince, now) < CheckedAfter || idle.IsIdleAndOpen()))
                {
                    return (idle, true);
                }

                idle.Dispose();
            }

            return (await WireConnector.OpenAsync(guard, trust, url, cancellationToken).ConfigureAwait(false), false);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Keeps <paramref name="connection"/> for the next request (or closes it if the pool was retired).</summary>
    public void Return(WireConnection connection)
    {
        connection.IdleSince = TimeProvider.System.GetTimestamp();
        lock (_idle)
        {
            if (!_retired)
            {
                _idle.Push(connection);
                return;
            }
        }

        connection.Dispose();
    }

    /// <summary>Frees the slot a <see cref="RentAsync"/> took.</summary>
    public void Release() => _slots.Release();

    /// <summary>
    /// Closes the idle connections that expired. When nothing is left and no request is in flight, retires the pool and
    /// returns true: the transport forgets it, and a connection given back to it later is closed.
    /// </summary>
    public bool Scavenge(long now)
    {
        List<WireConnection>? expired = null;
        lock (_idle)
        {
            if (_idle.Count > 0)
            {
                var kept = _idle.Where(c => !Expired(c, now)).Reverse().ToList();
                expired = [.. _idle.Where(c => Expired(c, now))];
                _idle.Clear();
                kept.ForEach(_idle.Push);
            }

            _retired = _idle.Count == 0 && _slots.CurrentCount == limits.MaxConnectionsPerHost;
        }

        expired?.ForEach(c => c.Dispose());
        return _retired;
    }

    /// <summary>Closes every idle connection.</summary>
    public void CloseIdle()
    {
        List<WireConnection> idle;
        lock (_idle)
        {
            idle = [.. _idle];
            _idle.Clear();
        }

        idle.ForEach(c => c.Dispose());
    }

    private WireConnection? TakeIdle()
    {
        lock (_idle)
        {
            return _idle.TryPop(out var connection) ? connection : null;
        }
    }

    private bool Expired(WireConnection connection, long now) =>
        TimeProvider.System.GetElapsedTime(connection.IdleSince, now) >= limits.IdleTimeout
        || TimeProvider.System.GetElapsedTime(connection.Opened, now) >= limits.Lifetime;
}

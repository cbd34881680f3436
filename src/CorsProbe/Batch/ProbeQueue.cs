namespace CorsProbing.Batch;

/// <summary>
/// The input of a batch, shared by its workers, with the per-host limit. A probe whose host already runs its limit
/// joins that host's line instead of holding a worker: the worker reads on, and a worker that finishes a probe of a
/// host takes the next one in that host's line first. At most as many probes stand in lines as the batch runs at once,
/// so the input of a batch on one host is not read ahead; past that, a worker with nothing to start waits for a line
/// to move.
/// </summary>
internal sealed class ProbeQueue<TKey>(IEnumerable<BatchItem<TKey>> items, CorsBatchOptions options) : IDisposable
{
    private readonly IEnumerator<BatchItem<TKey>> _items = items.GetEnumerator();
    private readonly bool _limitsHosts = options.MaxConcurrencyPerHost < options.MaxConcurrency;
    private readonly Dictionary<string, HostLine> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _moved = new(0);
    private int _waiting;
    private int _idle;
    private bool _stopped;

    /// <summary>
    /// The next probe for a worker that has just run one on <paramref name="finished"/> (null when it has not), and its
    /// host; null when there is none to start now: then <paramref name="wait"/> says whether one may come (the lines are
    /// full and the input goes on), else the worker is done.
    /// </summary>
    public BatchItem<TKey>? Next(string? finished, out string host, out bool wait)
    {
        lock (_hosts)
        {
            wait = false;
            if (finished is not null && _hosts.TryGetValue(finished, out var done))
            {
                if (!_stopped && done.Waiting.TryDequeue(out var queued))
                {
                    _waiting--;
                    Moved();
                    host = finished;
                    return queued;
                }

                if (--done.Running == 0)
                {
                    _hosts.Remove(finished);
                }
            }

            while (!_stopped && _waiting < options.MaxConcurrency && _items.MoveNext())
            {
                var probe = _items.Current;

                // A refused input sends nothing, so it counts against no host.
                if (!_limitsHosts || probe.Host is null)
                {
                    host = string.Empty;
                    return probe;
                }

                host = probe.Host;
                if (!_hosts.TryGetValue(host, out var line))
                {
                    _hosts[host] = line = new HostLine();
                }

                if (line.Running < options.MaxConcurrencyPerHost)
                {
                    line.Running++;
                    return probe;
                }

                line.Waiting.Enqueue(probe);
                _waiting++;
            }

            // A line holds probes only while its host runs its limit, so the workers of that host will take them.
            wait = !_stopped && _waiting >= options.MaxConcurrency;
            _idle += wait ? 1 : 0;
            host = string.Empty;
            return null;
        }
    }

    /// <summary>Waits until a line moves (or the batch stops), after <see cref="Next"/> said to wait.</summary>
    public Task WaitForRoomAsync(CancellationToken cancellationToken) => _moved.WaitAsync(cancellationToken);

    /// <summary>Starts no more probes, and wakes the workers that wait.</summary>
    public void Stop()
    {
        lock (_hosts)
        {
            _stopped = true;
            Moved(all: true);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _items.Dispose();
        _moved.Dispose();
    }

    // Wakes one waiting worker (every one when the batch stops). Called under the lock.
    private void Moved(bool all = false)
    {
        var woken = all ? _idle : Math.Min(_idle, 1);
        if (woken > 0)
        {
            _idle -= woken;
            _moved.Release(woken);
        }
    }

    private sealed class HostLine
    {
        public int Running { get; set; }

        public Queue<BatchItem<TKey>> Waiting { get; } = new();
    }
}

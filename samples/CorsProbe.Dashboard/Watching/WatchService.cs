using CorsProbing.Dashboard.Checks;
using CorsProbing.Dashboard.Storage;
using CorsProbing.Dashboard.Targets;

namespace CorsProbing.Dashboard.Watching;

/// <summary>
/// Checks every registered API once per <see cref="DashboardOptions.RecheckInterval"/>, shared by every replica on the
/// database: each pass claims hosts with due checks (<see cref="WatchStore.ClaimAsync"/>), probes their due APIs in one
/// keyed <see cref="ICorsProber.ProbeManyAsync{TKey}(IEnumerable{KeyValuePair{TKey, CorsProbeBuilder}}, CancellationToken)"/>
/// batch within <c>CorsProbe:MaxConcurrency</c> and <c>MaxConcurrencyPerHost</c> (one replica holds a host at a time,
/// so the per-host limit holds across the cluster), then every operation of its due OpenAPI documents (a document's
/// host is its lease's), renews the leases while it runs, records each report under its host's lease, and releases
/// the hosts. Stopping cancels the running probes and releases what it held.
/// </summary>
internal sealed partial class WatchService(
    ICorsProber prober,
    TrustedTargets trusted,
    WatchStore store,
    TimeProvider time,
    IOptions<DashboardOptions> options,
    IOptions<CorsProbeOptions> probing,
    ILogger<WatchService> logger) : BackgroundService
{
    /// <summary>How this replica names itself in the leases it holds.</summary>
    public string Owner { get; } = ReplicaIdentity.New("watch");

    /// <summary>Claims due hosts once and checks their due APIs; returns how many hosts it claimed (0: nothing was due).</summary>
    public async Task<int> CheckDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var leases = await store.ClaimAsync(Owner, now, now + settings.LeaseDuration, settings.HostsPerClaim, cancellationToken).ConfigureAwait(false);
        if (leases.Count == 0)
        {
            return 0;
        }

        var held = leases.ToDictionary(l => l.Host);
        try
        {
            var due = new Dictionary<long, (HostLease Lease, RegisteredApi Api)>();
            var probes = new List<KeyValuePair<long, CorsProbeBuilder>>();
            var documents = new List<(HostLease Lease, RegisteredApi Api, OpenApi.OpenApiProbeBuilder Probe)>();
            foreach (var lease in leases)
            {
                foreach (var api in await store.DueAsync(lease.Host, now, cancellationToken).ConfigureAwait(false))
                {
                    if (api.Kind == ApiKind.OpenApi)
                    {
                        var (document, problems) = DocumentProbe.Build(prober, trusted, probing.Value, new OpenApiRegistration(api.Url, api.Origin, api.Profile));
                        if (document is null)
                        {
                            LogInvalid(logger, api.Id, api.Url, string.Join("; ", problems.SelectMany(e => e.Value)));
                            await store.PostponeAsync(api, now, settings.RecheckInterval, cancellationToken).ConfigureAwait(false);
                        }
                        else
                        {
                            documents.Add((lease, api, document));
                        }

                        continue;
                    }

                    var (probe, errors) = CheckValidation.Build(prober, trusted, new CheckRequest(api.Url, api.Origin, api.Methods, api.Headers, api.Credentials, api.Profile));
                    if (probe is null)
                    {
                        // Checked again next interval (the validation rules may change back), not in a loop now.
                        LogInvalid(logger, api.Id, api.Url, string.Join("; ", errors.SelectMany(e => e.Value)));
                        await store.PostponeAsync(api, now, settings.RecheckInterval, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    due[api.Id] = (lease, api);
                    probes.Add(KeyValuePair.Create(api.Id, probe));
                }
            }

            using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewal = RenewAsync(held, renewing.Token);
            try
            {
                // Read lazily by the batch: a host whose lease was lost meanwhile gets no more probes from this replica.
                var stillHeld = probes.Where(probe =>
                {
                    lock (held)
                    {
                        return held.ContainsKey(due[probe.Key].Lease.Host);
                    }
                });
                await foreach (var result in prober.ProbeManyAsync(stillHeld, cancellationToken).ConfigureAwait(false))
                {
                    var (lease, api) = due[result.Key];
                    lock (held)
                    {
                        if (!held.ContainsKey(lease.Host))
                        {
                            continue;
                        }
                    }

                    await RecordAsync(held, lease, api, CheckResult.Of(result.Report), cancellationToken).ConfigureAwait(false);
                }

                foreach (var (lease, api, document) in documents)
                {
                    lock (held)
                    {
                        if (!held.ContainsKey(lease.Host))
                        {
                            continue;
                        }
                    }

                    CheckResult checkedDocument;
                    try
                    {
                        checkedDocument = CheckResult.Of(await document.ProbeAsync(cancellationToken).ConfigureAwait(false));
                    }
                    catch (OpenApi.OpenApiDocumentException exception)
                    {
                        // The document itself is gone or broken: recorded as Unreachable with why, its operations as last seen.
                        checkedDocument = CheckResult.Failed(api.Url, exception.Message);
                    }

                    await RecordAsync(held, lease, api, checkedDocument, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                await renewing.CancelAsync().ConfigureAwait(false);
                await renewal.ConfigureAwait(false);
            }

            return leases.Count;
        }
        finally
        {
            // Given back at once, not when the lease runs out: after a pass, and when stopping (cancelled) too.
            await store.ReleaseAsync(Owner, held.Values, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(Dictionary<string, HostLease> held, HostLease lease, RegisteredApi api, CheckResult result, CancellationToken cancellationToken)
    {
        var outcome = await store.RecordAsync(lease, Owner, api, result, time.GetUtcNow(), options.Value.RecheckInterval, cancellationToken).ConfigureAwait(false);
        if (outcome.Transition is { Alert: { } alert })
        {
            LogDenied(logger, api.Id, api.Url, alert);
        }
        else if (outcome == RecordOutcome.LeaseLost)
        {
            LogLeaseLost(logger, lease.Host);
            lock (held)
            {
                held.Remove(lease.Host);
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(CheckDueAsync, SleepAsync, time, exception => LogFailed(logger, exception), stoppingToken);

    // Until the next check is due, looking again at least every poll interval (another replica may register an API).
    private async Task<TimeSpan> SleepAsync(CancellationToken cancellationToken)
    {
        var poll = options.Value.PollInterval;
        try
        {
            var next = await store.NextDueAsync(cancellationToken).ConfigureAwait(false);
            var wait = next is { } due ? due - time.GetUtcNow() : poll;
            return wait < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : wait < poll ? wait : poll;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return poll;
        }
    }

    private async Task RenewAsync(Dictionary<string, HostLease> held, CancellationToken cancellationToken)
    {
        var period = options.Value.LeaseDuration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, time, cancellationToken).ConfigureAwait(false);
                var now = time.GetUtcNow();
                HostLease[] current;
                lock (held)
                {
                    current = [.. held.Values];
                }

                foreach (var lost in await store.RenewAsync(Owner, current, now, now + options.Value.LeaseDuration, cancellationToken).ConfigureAwait(false))
                {
                    LogLeaseLost(logger, lost.Host);
                    lock (held)
                    {
                        held.Remove(lost.Host);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Registered API {Id} ({Url}) no longer validates: {Errors}")]
    private static partial void LogInvalid(ILogger logger, long id, string url, string errors);

    [LoggerMessage(LogLevel.Warning, "API {Id} ({Url}): {Alert}")]
    private static partial void LogDenied(ILogger logger, long id, string url, string alert);

    [LoggerMessage(LogLevel.Warning, "The lease on host {Host} expired before its checks ended; their results are not recorded, and another replica checks them")]
    private static partial void LogLeaseLost(ILogger logger, string host);

    [LoggerMessage(LogLevel.Error, "Checking the registered APIs failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

using System.Globalization;

namespace CorsProbing.Dashboard.Storage;

/// <summary>
/// The watch's side of the store, shared by every replica: a replica claims hosts with due checks (a lease on each, on
/// PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c> so two replicas never claim one host), checks their due APIs, and
/// writes each result only while its lease holds. A replica that dies holds its hosts until their leases expire; then
/// another claims them, and the checks it never recorded are still due.
/// </summary>
public sealed class WatchStore(DashboardDatabase database, CheckRecorder recorder)
{
    /// <summary>The host a URL's checks are leased by: the same key as CorsProbe's per-host limit.</summary>
    public static string HostOf(Uri url) => url.IdnHost.ToLowerInvariant();

    /// <summary>Claims up to <paramref name="maxHosts"/> hosts with due checks and no live lease, the longest-waiting first, until <paramref name="until"/>.</summary>
    public async Task<IReadOnlyList<HostLease>> ClaimAsync(string owner, DateTimeOffset now, DateTimeOffset until, int maxHosts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, transaction, $"""
            UPDATE host_leases SET owner = @owner, lease = lease + 1, expires_at = @until
            WHERE host IN (
                SELECT l.host FROM host_leases l
                WHERE l.expires_at <= @now AND EXISTS (SELECT 1 FROM apis a WHERE a.host = l.host AND a.due_at <= @now)
                ORDER BY (SELECT min(a.due_at) FROM apis a WHERE a.host = l.host)
                LIMIT @max{database.SkipLocked})
            RETURNING host, lease
            """,
            ("owner", owner), ("until", until.ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds()), ("max", (long)maxHosts));
        var leases = new List<HostLease>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                leases.Add(new HostLease(reader.GetString(0), reader.GetInt64(1)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return leases;
    }

    /// <summary>The APIs on <paramref name="host"/> due at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<RegisteredApi>> DueAsync(string host, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, null, $"SELECT {ApiStore.ApiColumns} FROM apis WHERE host = @host AND due_at <= @now ORDER BY due_at, id",
            ("host", host), ("now", now.ToUnixTimeMilliseconds()));
        return await ApiStore.ReadApisAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a watched check of <paramref name="api"/> under <paramref name="lease"/> and schedules its next check
    /// <paramref name="interval"/> after the one that was due (or after now, when the watch fell a whole interval behind).
    /// </summary>
    /// <returns>What happened: recorded (with the transition it made), refused because the lease no longer holds, or the API was removed.</returns>
    internal async Task<RecordOutcome> RecordAsync(HostLease lease, string owner, RegisteredApi api, CheckResult result, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The lease row stays locked (PostgreSQL) or the file stays written (SQLite) until this commits: no replica can
        // claim the host between the check of the lease and the write.
        await using (var held = DashboardDatabase.Execute(connection, transaction,
            $"SELECT 1 FROM host_leases WHERE host = @host AND owner = @owner AND lease = @lease AND expires_at > @now{database.LockRow}",
            ("host", lease.Host), ("owner", owner), ("lease", lease.Lease), ("now", now.ToUnixTimeMilliseconds())))
        {
            if (await held.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return RecordOutcome.LeaseLost;
            }
        }

        await using (var schedule = DashboardDatabase.Execute(connection, transaction, "UPDATE apis SET due_at = @next WHERE id = @id",
            ("next", NextDue(api, now, interval).ToUnixTimeMilliseconds()), ("id", api.Id)))
        {
            if (await schedule.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return RecordOutcome.Removed;
            }
        }

        var transition = await recorder.RecordAsync(connection, transaction, api.Id, result, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return RecordOutcome.Recorded(transition);
    }

    /// <summary>Schedules <paramref name="api"/>'s next check without recording one (it could not be probed as registered).</summary>
    public async Task PostponeAsync(RegisteredApi api, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, null, "UPDATE apis SET due_at = @next WHERE id = @id",
            ("next", NextDue(api, now, interval).ToUnixTimeMilliseconds()), ("id", api.Id));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Extends the leases <paramref name="owner"/> still holds; returns those it no longer holds.</summary>
    public async Task<IReadOnlyList<HostLease>> RenewAsync(string owner, IReadOnlyCollection<HostLease> leases, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var lost = new List<HostLease>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var lease in leases)
        {
            await using var command = DashboardDatabase.Execute(connection, null,
                "UPDATE host_leases SET expires_at = @until WHERE host = @host AND owner = @owner AND lease = @lease AND expires_at > @now",
                ("until", until.ToUnixTimeMilliseconds()), ("host", lease.Host), ("owner", owner), ("lease", lease.Lease), ("now", now.ToUnixTimeMilliseconds()));
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                lost.Add(lease);
            }
        }

        return lost;
    }

    /// <summary>Gives up <paramref name="leases"/> (those <paramref name="owner"/> still holds), so any replica may claim the hosts at once.</summary>
    public async Task ReleaseAsync(string owner, IEnumerable<HostLease> leases, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var lease in leases)
        {
            await using var command = DashboardDatabase.Execute(connection, null,
                "UPDATE host_leases SET owner = NULL, expires_at = 0 WHERE host = @host AND owner = @owner AND lease = @lease",
                ("host", lease.Host), ("owner", owner), ("lease", lease.Lease));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>When the next check is due on any host (null when nothing is registered): how long the watch may sleep.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, null, "SELECT min(due_at) FROM apis");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull
            ? ApiStore.Time(Convert.ToInt64(value, CultureInfo.InvariantCulture))
            : null;
    }

    // An interval after the check that was due, so checks keep their rhythm; after now, when the watch fell a whole interval behind.
    private static DateTimeOffset NextDue(RegisteredApi api, DateTimeOffset now, TimeSpan interval) =>
        api.NextCheckAt + interval > now ? api.NextCheckAt + interval : now + interval;
}

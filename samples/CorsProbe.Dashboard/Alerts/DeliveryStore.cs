using CorsProbing.Dashboard.Storage;

namespace CorsProbing.Dashboard.Alerts;

/// <summary>
/// The webhook deliveries, in the database with the transitions that made them (one transaction), so a restart or a
/// dead replica loses none. A replica claims due deliveries with a short lease (on PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c>): two replicas never send one delivery at the same time.
/// </summary>
public sealed class DeliveryStore(DashboardDatabase database)
{
    /// <summary>Claims up to <paramref name="max"/> deliveries that are due, unexpired and not delivered, until <paramref name="until"/>.</summary>
    public async Task<IReadOnlyList<Delivery>> ClaimAsync(string owner, DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, transaction, $"""
            UPDATE deliveries SET owner = @owner, lease_expires_at = @until
            WHERE id IN (
                SELECT id FROM deliveries
                WHERE delivered_at IS NULL AND next_attempt_at <= @now AND lease_expires_at <= @now AND expires_at > @now
                ORDER BY id LIMIT @max{database.SkipLocked})
            RETURNING id, account, idempotency_key, payload, attempts
            """,
            ("owner", owner), ("until", until.ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds()), ("max", (long)max));
        var claimed = new List<Delivery>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(new Delivery(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [.. claimed.OrderBy(d => d.Id)];
    }

    /// <summary>Marks <paramref name="delivery"/> delivered.</summary>
    public Task DeliveredAsync(Delivery delivery, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE deliveries SET delivered_at = @now, attempts = attempts + 1, owner = NULL, lease_expires_at = 0, last_error = NULL WHERE id = @id AND owner = @owner",
            cancellationToken, ("now", now.ToUnixTimeMilliseconds()), ("id", delivery.Id), ("owner", owner));

    /// <summary>Records a failed attempt of <paramref name="delivery"/> and when to try again.</summary>
    public Task FailedAsync(Delivery delivery, string owner, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = @retry, owner = NULL, lease_expires_at = 0, last_error = @error WHERE id = @id AND owner = @owner",
            cancellationToken, ("retry", retryAt.ToUnixTimeMilliseconds()), ("error", error), ("id", delivery.Id), ("owner", owner));

    /// <summary>Gives back the deliveries <paramref name="owner"/> claimed and did not attempt (a replica stopping).</summary>
    public Task ReleaseAsync(string owner, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE deliveries SET owner = NULL, lease_expires_at = 0 WHERE owner = @owner AND delivered_at IS NULL", cancellationToken, ("owner", owner));

    /// <summary>Every delivery of <paramref name="account"/>, newest first: what was sent, how often, and the last error.</summary>
    public async Task<IReadOnlyList<DeliveryStatus>> ListAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, null, """
            SELECT id, api_id, idempotency_key, created_at, attempts, delivered_at, expires_at, last_error FROM deliveries WHERE account = @account ORDER BY id DESC
            """, ("account", account));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var deliveries = new List<DeliveryStatus>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            deliveries.Add(new DeliveryStatus(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), ApiStore.Time(reader.GetInt64(3)), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : ApiStore.Time(reader.GetInt64(5)), ApiStore.Time(reader.GetInt64(6)), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return deliveries;
    }

    private async Task UpdateAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, null, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

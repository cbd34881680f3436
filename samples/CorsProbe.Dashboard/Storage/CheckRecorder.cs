using System.Data.Common;
using CorsProbing.Dashboard.Accounts;
using CorsProbing.Dashboard.Alerts;

namespace CorsProbing.Dashboard.Storage;

/// <summary>
/// Records one check of a registered API inside the caller's transaction: the history row (the last
/// <see cref="ApiStore.HistoryLength"/> kept), the API's last verdict and alert, and, when the verdict changed between
/// Allowed and Denied and the account has a webhook, the delivery of that transition. The transition is decided from
/// the check before it in the same transaction, so whichever replica records it, it is raised once.
/// </summary>
public sealed class CheckRecorder(AccountDirectory accounts, IOptions<DashboardOptions> options)
{
    /// <summary>Records <paramref name="result"/> for API <paramref name="id"/>; returns the transition it made, if any.</summary>
    internal async Task<VerdictTransition?> RecordAsync(DbConnection connection, DbTransaction transaction, long id, CheckResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previous = await LastCheckAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
        var errors = result.Errors;
        var alert = VerdictChange.Describe(previous, result.Verdict, errors, now);
        long checkId;
        await using (var insert = DashboardDatabase.Execute(connection, transaction, """
            INSERT INTO checks (api_id, checked_at, verdict, error_codes, summary, report) VALUES (@id, @now, @verdict, @codes, @summary, @report) RETURNING id
            """,
            ("id", id), ("now", now.ToUnixTimeMilliseconds()), ("verdict", result.Verdict.ToString()),
            ("codes", string.Join('\n', result.ErrorCodes)), ("summary", result.Summary), ("report", result.ReportJson)))
        {
            checkId = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using (var update = DashboardDatabase.Execute(connection, transaction, """
            DELETE FROM checks WHERE api_id = @id AND id NOT IN (SELECT id FROM checks WHERE api_id = @id ORDER BY id DESC LIMIT @keep);
            UPDATE apis SET last_verdict = @verdict, last_checked_at = @now,
                alert = CASE WHEN @verdict = 'Allowed' THEN NULL ELSE coalesce(@alert, alert) END
            WHERE id = @id;
            """,
            ("id", id), ("keep", (long)ApiStore.HistoryLength), ("verdict", result.Verdict.ToString()), ("now", now.ToUnixTimeMilliseconds()), ("alert", alert)))
        {
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (result.Operations is { } operations)
        {
            await ReplaceOperationsAsync(connection, transaction, id, operations, cancellationToken).ConfigureAwait(false);
        }

        if (previous is not { } before || !VerdictChange.IsTransition(before.Verdict, result.Verdict))
        {
            return null;
        }

        var transition = new VerdictTransition(id, checkId, before.Verdict, result.Verdict, alert);
        var api = await ApiStore.FindAsync(connection, transaction, account: null, id, cancellationToken).ConfigureAwait(false);
        if (api is not null && accounts.Find(api.Account)?.Webhook is not null)
        {
            var payload = WebhookPayload.Create(api, transition, errors, result.ReportJson, now);
            await using var enqueue = DashboardDatabase.Execute(connection, transaction, """
                INSERT INTO deliveries (account, api_id, idempotency_key, payload, created_at, expires_at, attempts, next_attempt_at, owner, lease_expires_at)
                VALUES (@account, @api, @key, @payload, @now, @expires, 0, @now, NULL, 0)
                """,
                ("account", api.Account), ("api", id), ("key", transition.IdempotencyKey), ("payload", payload),
                ("now", now.ToUnixTimeMilliseconds()), ("expires", (now + options.Value.WebhookExpiry).ToUnixTimeMilliseconds()));
            await enqueue.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return transition;
    }

    // A document's operations as its last check saw them: the list is replaced, since operations come and go with the document.
    private static async Task ReplaceOperationsAsync(DbConnection connection, DbTransaction transaction, long id, IReadOnlyList<OperationVerdict> operations, CancellationToken cancellationToken)
    {
        await using (var clear = DashboardDatabase.Execute(connection, transaction, "DELETE FROM operations WHERE api_id = @id", ("id", id)))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var position = 0; position < operations.Count; position++)
        {
            var operation = operations[position];
            await using var insert = DashboardDatabase.Execute(connection, transaction, """
                INSERT INTO operations (api_id, position, label, method, url, location, verdict, error_codes)
                VALUES (@id, @position, @label, @method, @url, @location, @verdict, @codes)
                """,
                ("id", id), ("position", position), ("label", operation.Label), ("method", operation.Method), ("url", operation.Url),
                ("location", operation.Location), ("verdict", operation.Verdict.ToString()), ("codes", string.Join('\n', operation.ErrorCodes)));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // The last check that reached a verdict: an API that was unreachable for a while and comes back denied was allowed before.
    private static async Task<(CorsVerdict Verdict, IReadOnlyList<string> ErrorCodes)?> LastCheckAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken)
    {
        await using var command = DashboardDatabase.Execute(connection, transaction, "SELECT verdict, error_codes FROM checks WHERE api_id = @id AND verdict IN ('Allowed', 'Denied') ORDER BY id DESC LIMIT 1", ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (Enum.Parse<CorsVerdict>(reader.GetString(0)), ApiStore.Split(reader.GetString(1))) : null;
    }
}

using System.Data.Common;

namespace CorsProbing.Dashboard.Storage;

/// <summary>
/// Registered APIs and their check history, each API in one account: every read and change names the account, so an
/// account never sees, re-checks or removes another's API (to it, the other's id does not exist). The watch's side
/// (leases, results under a lease) is <see cref="WatchStore"/>.
/// </summary>
public sealed class ApiStore(DashboardDatabase database, CheckRecorder recorder)
{
    /// <summary>How many checks each API keeps; older ones are dropped.</summary>
    public const int HistoryLength = 50;

    internal const string ApiColumns = "id, account, url, origin, methods, headers, credentials, profile, registered_at, due_at, last_verdict, last_checked_at, alert, kind";

    /// <summary>
    /// Registers an API for <paramref name="account"/> (or updates the requirements of its API with the same URL and
    /// origin), records <paramref name="report"/> as its check, and schedules the next one <paramref name="interval"/> later.
    /// </summary>
    public Task<RegisteredApi> RegisterAsync(
        string account, CorsReport report, IReadOnlyList<string> methods, IReadOnlyList<string> headers, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken) =>
        UpsertAsync(account, report.Url, report.Origin, methods, headers, report.IncludesCredentials, report.Profile.Name, ApiKind.Url, CheckResult.Of(report), now, interval, cancellationToken);

    /// <summary>
    /// Registers the OpenAPI document at <paramref name="documentUrl"/> for <paramref name="account"/> (or updates its
    /// registration from the same origin): every operation is watched, its first check is <paramref name="report"/>.
    /// </summary>
    public Task<RegisteredApi> RegisterDocumentAsync(
        string account, Uri documentUrl, OpenApi.OpenApiCorsReport report, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken) =>
        UpsertAsync(account, documentUrl, report.Origin, [], [], credentials: false, report.Profile.Name, ApiKind.OpenApi, CheckResult.Of(report), now, interval, cancellationToken);

    private async Task<RegisteredApi> UpsertAsync(
        string account,
        Uri url,
        string origin,
        IReadOnlyList<string> methods,
        IReadOnlyList<string> headers,
        bool credentials,
        string profile,
        ApiKind kind,
        CheckResult check,
        DateTimeOffset now,
        TimeSpan interval,
        CancellationToken cancellationToken)
    {
        var host = WatchStore.HostOf(url);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var upsert = DashboardDatabase.Execute(connection, transaction, """
            INSERT INTO apis (account, url, origin, host, methods, headers, credentials, profile, registered_at, due_at, kind)
            VALUES (@account, @url, @origin, @host, @methods, @headers, @credentials, @profile, @now, @due, @kind)
            ON CONFLICT (account, url, origin) DO UPDATE SET methods = excluded.methods, headers = excluded.headers,
                credentials = excluded.credentials, profile = excluded.profile, due_at = excluded.due_at, kind = excluded.kind
            RETURNING id
            """,
            ("account", account), ("url", url.AbsoluteUri), ("origin", origin), ("host", host),
            ("methods", string.Join('\n', methods)), ("headers", string.Join('\n', headers)), ("credentials", credentials),
            ("profile", profile), ("now", now.ToUnixTimeMilliseconds()), ("due", (now + interval).ToUnixTimeMilliseconds()), ("kind", KindName(kind))))
        {
            var id = Convert.ToInt64(await upsert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            await using (var lease = DashboardDatabase.Execute(connection, transaction,
                "INSERT INTO host_leases (host, owner, lease, expires_at) VALUES (@host, NULL, 0, 0) ON CONFLICT (host) DO NOTHING", ("host", host)))
            {
                await lease.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await recorder.RecordAsync(connection, transaction, id, check, now, cancellationToken).ConfigureAwait(false);
            var registered = await FindAsync(connection, transaction, account, id, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return registered!;
        }
    }

    /// <summary>Every API of <paramref name="account"/>, newest first.</summary>
    public async Task<IReadOnlyList<RegisteredApi>> ListAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, null, $"SELECT {ApiColumns} FROM apis WHERE account = @account ORDER BY id DESC", ("account", account));
        return await WithOperationsAsync(connection, null, await ReadApisAsync(command, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>API <paramref name="id"/> of <paramref name="account"/>, or null (also when it is another account's).</summary>
    public async Task<RegisteredApi?> FindAsync(string account, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, account, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The API <paramref name="account"/> registered for <paramref name="url"/> from <paramref name="origin"/>, or null.</summary>
    public async Task<RegisteredApi?> FindAsync(string account, string url, string origin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, null, $"SELECT {ApiColumns} FROM apis WHERE account = @account AND url = @url AND origin = @origin",
            ("account", account), ("url", url), ("origin", origin));
        return (await WithOperationsAsync(connection, null, await ReadApisAsync(command, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>The checks of API <paramref name="id"/>, newest first; empty when it is not <paramref name="account"/>'s.</summary>
    public async Task<IReadOnlyList<CheckRecord>> HistoryAsync(string account, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, null, """
            SELECT c.id, c.checked_at, c.verdict, c.error_codes, c.summary FROM checks c JOIN apis a ON a.id = c.api_id
            WHERE a.id = @id AND a.account = @account ORDER BY c.id DESC
            """, ("id", id), ("account", account));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var history = new List<CheckRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history.Add(new CheckRecord(
                reader.GetInt64(0), Time(reader.GetInt64(1)), Enum.Parse<CorsVerdict>(reader.GetString(2)), Split(reader.GetString(3)), reader.GetString(4)));
        }

        return history;
    }

    /// <summary>The JSON report (<see cref="CorsReport.ToJson"/>) of the last check of <paramref name="account"/>'s API <paramref name="id"/>, or null.</summary>
    public async Task<string?> LastReportAsync(string account, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, null, """
            SELECT c.report FROM checks c JOIN apis a ON a.id = c.api_id WHERE a.id = @id AND a.account = @account ORDER BY c.id DESC LIMIT 1
            """, ("id", id), ("account", account));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>Asks the watch to check <paramref name="account"/>'s API <paramref name="id"/> at once (under a lease, like every watched check).</summary>
    /// <returns>Whether it is there.</returns>
    public async Task<bool> RequestCheckAsync(string account, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, null, "UPDATE apis SET due_at = @now WHERE id = @id AND account = @account",
            ("now", now.ToUnixTimeMilliseconds()), ("id", id), ("account", account));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Removes <paramref name="account"/>'s API <paramref name="id"/> and its history.</summary>
    /// <returns>Whether it was there.</returns>
    public async Task<bool> RemoveAsync(string account, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = DashboardDatabase.Execute(connection, null, "DELETE FROM apis WHERE id = @id AND account = @account", ("id", id), ("account", account));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    internal static async Task<RegisteredApi?> FindAsync(DbConnection connection, DbTransaction? transaction, string? account, long id, CancellationToken cancellationToken)
    {
        await using var command = DashboardDatabase.Execute(connection, transaction,
            $"SELECT {ApiColumns} FROM apis WHERE id = @id" + (account is null ? string.Empty : " AND account = @account"), ("id", id), ("account", account));
        return (await WithOperationsAsync(connection, transaction, await ReadApisAsync(command, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    // The operations of the documents among apis, read in one query (the ids are numbers the database gave).
    private static async Task<IReadOnlyList<RegisteredApi>> WithOperationsAsync(DbConnection connection, DbTransaction? transaction, List<RegisteredApi> apis, CancellationToken cancellationToken)
    {
        var documents = apis.Where(a => a.Kind == ApiKind.OpenApi).Select(a => a.Id).ToList();
        if (documents.Count == 0)
        {
            return apis;
        }

        await using var command = DashboardDatabase.Execute(connection, transaction, $"""
            SELECT api_id, label, method, url, location, verdict, error_codes FROM operations
            WHERE api_id IN ({string.Join(", ", documents.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)))}) ORDER BY api_id, position
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var operations = new Dictionary<long, List<OperationVerdict>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt64(0);
            if (!operations.TryGetValue(id, out var list))
            {
                operations[id] = list = [];
            }

            list.Add(new(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), Enum.Parse<CorsVerdict>(reader.GetString(5)), Split(reader.GetString(6))));
        }

        return [.. apis.Select(a => operations.TryGetValue(a.Id, out var list) ? a with { Operations = list } : a)];
    }

    internal static string KindName(ApiKind kind) => kind == ApiKind.OpenApi ? "openapi" : "url";

    internal static async Task<List<RegisteredApi>> ReadApisAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var apis = new List<RegisteredApi>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            apis.Add(new RegisteredApi(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                Split(reader.GetString(4)),
                Split(reader.GetString(5)),
                reader.GetBoolean(6),
                reader.GetString(7),
                Time(reader.GetInt64(8)),
                Time(reader.GetInt64(9)),
                reader.IsDBNull(10) ? null : Enum.Parse<CorsVerdict>(reader.GetString(10)),
                reader.IsDBNull(11) ? null : Time(reader.GetInt64(11)),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.GetString(13) == "openapi" ? ApiKind.OpenApi : ApiKind.Url,
                []));
        }

        return apis;
    }

    internal static string[] Split(string joined) => joined.Length == 0 ? [] : joined.Split('\n');

    internal static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
}

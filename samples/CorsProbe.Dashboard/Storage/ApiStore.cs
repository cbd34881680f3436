using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CorsProbing.Dashboard.Storage;

/// <summary>
/// Registered APIs and their check history in one SQLite file, created with its tables on first use. One connection
/// per operation (Microsoft.Data.Sqlite pools them); every write that reads first runs in a transaction.
/// </summary>
public sealed class ApiStore
{
    /// <summary>How many checks each API keeps; older ones are dropped.</summary>
    public const int HistoryLength = 50;

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS apis (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            url TEXT NOT NULL,
            origin TEXT NOT NULL,
            methods TEXT NOT NULL,
            headers TEXT NOT NULL,
            credentials INTEGER NOT NULL,
            profile TEXT NOT NULL,
            registered_at TEXT NOT NULL,
            last_verdict TEXT,
            last_checked_at TEXT,
            alert TEXT,
            UNIQUE (url, origin));
        CREATE TABLE IF NOT EXISTS checks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            api_id INTEGER NOT NULL REFERENCES apis (id) ON DELETE CASCADE,
            checked_at TEXT NOT NULL,
            verdict TEXT NOT NULL,
            error_codes TEXT NOT NULL,
            summary TEXT NOT NULL,
            report TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS checks_by_api ON checks (api_id, id);
        """;

    private const string ApiColumns = "id, url, origin, methods, headers, credentials, profile, registered_at, last_verdict, last_checked_at, alert";

    private readonly string _connectionString;

    /// <summary>Opens (and if need be creates) <c>dashboard.db</c> in the configured data folder.</summary>
    public ApiStore(IOptions<DashboardOptions> options, IHostEnvironment environment)
        : this(Path.Combine(Path.GetFullPath(options.Value.DataFolder, environment.ContentRootPath), "dashboard.db"))
    {
    }

    /// <summary>Opens (and if need be creates) the store at <paramref name="path"/>.</summary>
    public ApiStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FilePath = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, ForeignKeys = true }.ToString();
        using var connection = Open();
        Execute(connection, Schema);
    }

    /// <summary>The SQLite file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Registers an API (or updates the requirements of the one with the same URL and origin) and records its first
    /// check.
    /// </summary>
    public RegisteredApi Register(CorsReport report, IReadOnlyList<string> methods, IReadOnlyList<string> headers, DateTimeOffset now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO apis (url, origin, methods, headers, credentials, profile, registered_at) VALUES ($url, $origin, $methods, $headers, $credentials, $profile, $now)
            ON CONFLICT (url, origin) DO UPDATE SET methods = excluded.methods, headers = excluded.headers, credentials = excluded.credentials, profile = excluded.profile
            RETURNING id
            """;
        command.Parameters.AddWithValue("$url", report.Url.AbsoluteUri);
        command.Parameters.AddWithValue("$origin", report.Origin);
        command.Parameters.AddWithValue("$methods", string.Join('\n', methods));
        command.Parameters.AddWithValue("$headers", string.Join('\n', headers));
        command.Parameters.AddWithValue("$credentials", report.IncludesCredentials);
        command.Parameters.AddWithValue("$profile", report.Profile.Name);
        command.Parameters.AddWithValue("$now", Format(now));
        var id = (long)command.ExecuteScalar()!;
        Record(connection, id, report, now);
        transaction.Commit();
        return Find(connection, id)!;
    }

    /// <summary>Records a check of API <paramref name="id"/>; an Allowed → Denied change sets its alert, Allowed clears it.</summary>
    /// <returns>The API after the check, or null when it was removed meanwhile.</returns>
    public RegisteredApi? RecordCheck(long id, CorsReport report, DateTimeOffset now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        if (Find(connection, id) is null)
        {
            return null;
        }

        Record(connection, id, report, now);
        transaction.Commit();
        return Find(connection, id);
    }

    /// <summary>Every registered API, newest first.</summary>
    public IReadOnlyList<RegisteredApi> List()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ApiColumns} FROM apis ORDER BY id DESC";
        return ReadApis(command);
    }

    /// <summary>One registered API, or null.</summary>
    public RegisteredApi? Find(long id)
    {
        using var connection = Open();
        return Find(connection, id);
    }

    /// <summary>The API registered for <paramref name="url"/> from <paramref name="origin"/>, or null.</summary>
    public RegisteredApi? Find(string url, string origin)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ApiColumns} FROM apis WHERE url = $url AND origin = $origin";
        command.Parameters.AddWithValue("$url", url);
        command.Parameters.AddWithValue("$origin", origin);
        return ReadApis(command).SingleOrDefault();
    }

    /// <summary>The checks of API <paramref name="id"/>, newest first.</summary>
    public IReadOnlyList<CheckRecord> History(long id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, checked_at, verdict, error_codes, summary FROM checks WHERE api_id = $id ORDER BY id DESC";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var history = new List<CheckRecord>();
        while (reader.Read())
        {
            history.Add(new CheckRecord(
                reader.GetInt64(0),
                Parse(reader.GetString(1)),
                Enum.Parse<CorsVerdict>(reader.GetString(2)),
                Split(reader.GetString(3)),
                reader.GetString(4)));
        }

        return history;
    }

    /// <summary>The JSON report (<see cref="CorsReport.ToJson"/>) of API <paramref name="id"/>'s last check, or null.</summary>
    public string? LastReport(long id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT report FROM checks WHERE api_id = $id ORDER BY id DESC LIMIT 1";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Removes API <paramref name="id"/> and its history.</summary>
    /// <returns>Whether it was there.</returns>
    public bool Remove(long id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM apis WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Whether the file can be opened and read (the health check).</summary>
    public bool CanRead()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM apis";
        return command.ExecuteScalar() is long;
    }

    private static void Record(SqliteConnection connection, long id, CorsReport report, DateTimeOffset now)
    {
        var previous = LastCheck(connection, id);
        var errors = report.Findings.Where(f => f.SeverityUnder(report.Profile) == CorsSeverity.Error).ToList();
        var summary = errors.Count == 0 ? report.Verdict.ToString() : Describe(errors[0]);
        var alert = VerdictChange.Describe(previous, report.Verdict, errors, now);

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO checks (api_id, checked_at, verdict, error_codes, summary, report) VALUES ($id, $now, $verdict, $codes, $summary, $report);
            DELETE FROM checks WHERE api_id = $id AND id NOT IN (SELECT id FROM checks WHERE api_id = $id ORDER BY id DESC LIMIT $keep);
            UPDATE apis SET last_verdict = $verdict, last_checked_at = $now,
                alert = CASE WHEN $verdict = 'Allowed' THEN NULL ELSE coalesce($alert, alert) END
            WHERE id = $id;
            """;
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$now", Format(now));
        insert.Parameters.AddWithValue("$verdict", report.Verdict.ToString());
        insert.Parameters.AddWithValue("$codes", string.Join('\n', errors.Select(e => e.Code).Distinct()));
        insert.Parameters.AddWithValue("$summary", summary);
        insert.Parameters.AddWithValue("$report", report.ToJson());
        insert.Parameters.AddWithValue("$keep", HistoryLength);
        insert.Parameters.AddWithValue("$alert", (object?)alert ?? DBNull.Value);
        insert.ExecuteNonQuery();
    }

    internal static string Describe(CorsFinding finding) => $"{finding.Code} {finding.Title}: {finding.Message}";

    private static (CorsVerdict Verdict, IReadOnlyList<string> ErrorCodes)? LastCheck(SqliteConnection connection, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT verdict, error_codes FROM checks WHERE api_id = $id ORDER BY id DESC LIMIT 1";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (Enum.Parse<CorsVerdict>(reader.GetString(0)), Split(reader.GetString(1))) : null;
    }

    private static RegisteredApi? Find(SqliteConnection connection, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ApiColumns} FROM apis WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return ReadApis(command).SingleOrDefault();
    }

    private static List<RegisteredApi> ReadApis(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var apis = new List<RegisteredApi>();
        while (reader.Read())
        {
            apis.Add(new RegisteredApi(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                Split(reader.GetString(3)),
                Split(reader.GetString(4)),
                reader.GetBoolean(5),
                reader.GetString(6),
                Parse(reader.GetString(7)),
                reader.IsDBNull(8) ? null : Enum.Parse<CorsVerdict>(reader.GetString(8)),
                reader.IsDBNull(9) ? null : Parse(reader.GetString(9)),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return apis;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string[] Split(string joined) => joined.Length == 0 ? [] : joined.Split('\n');

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

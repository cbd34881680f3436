using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CorsProbing.Dashboard.Storage;

/// <summary>
/// The connection to the dashboard's database, SQLite or PostgreSQL, and the little that differs between them: the row
/// locks only PostgreSQL takes (SQLite runs one writer at a time, so its write transactions are already exclusive).
/// Every statement is written once, in the SQL both accept.
/// </summary>
public sealed class DashboardDatabase : IAsyncDisposable
{
    private readonly DbDataSource _source;

    private DashboardDatabase(DatabaseKind kind, DbDataSource source, string description)
    {
        Kind = kind;
        _source = source;
        Description = description;
    }

    /// <summary>Which database this is.</summary>
    public DatabaseKind Kind { get; }

    /// <summary>Where the data is, without credentials: the SQLite file, or PostgreSQL's host and database.</summary>
    public string Description { get; }

    /// <summary><c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL: replicas claiming work pass over rows another one is claiming.</summary>
    internal string SkipLocked => Kind == DatabaseKind.Postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty;

    /// <summary><c>FOR UPDATE</c> on PostgreSQL: a lease read before a write stays as read until the write commits.</summary>
    internal string LockRow => Kind == DatabaseKind.Postgres ? " FOR UPDATE" : string.Empty;

    /// <summary>The database the options name: <c>Dashboard:Database</c>, <c>Dashboard:DataFolder</c>, <c>ConnectionStrings:Dashboard</c>.</summary>
    public static DashboardDatabase Create(IOptions<DashboardOptions> options, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = options.Value;
        return settings.Database switch
        {
            DatabaseKind.Postgres => Postgres(configuration.GetConnectionString(DashboardOptions.ConnectionStringName) is { Length: > 0 } connectionString
                ? connectionString
                : throw new OptionsValidationException(DashboardOptions.SectionName, typeof(DashboardOptions),
                    ["Dashboard:Database is postgres: set ConnectionStrings:Dashboard to the server's Npgsql connection string (Host=…;Database=…;Username=…)."])),
            _ => Sqlite(Path.Combine(Path.GetFullPath(settings.DataFolder, environment.ContentRootPath), "dashboard.db")),
        };
    }

    /// <summary>The SQLite file at <paramref name="path"/>, created with its folder on first use.</summary>
    public static DashboardDatabase Sqlite(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, ForeignKeys = true }.ToString();
        return new DashboardDatabase(DatabaseKind.Sqlite, SqliteFactory.Instance.CreateDataSource(connectionString), path);
    }

    /// <summary>The PostgreSQL database <paramref name="connectionString"/> names.</summary>
    public static DashboardDatabase Postgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new DashboardDatabase(DatabaseKind.Postgres, NpgsqlDataSource.Create(builder), $"{builder.Host}:{builder.Port}/{builder.Database}");
    }

    /// <summary>An open connection (both providers pool them).</summary>
    internal async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (Kind == DatabaseKind.Sqlite)
        {
            // Replicas on one SQLite file wait for each other's writes rather than fail at once.
            await Execute(connection, null, "PRAGMA busy_timeout = 30000").ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }

    /// <summary>A command on <paramref name="connection"/> with its parameters (<c>@name</c>, the same on both databases).</summary>
    internal static DbCommand Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync().ConfigureAwait(false);
        if (Kind == DatabaseKind.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
    }
}

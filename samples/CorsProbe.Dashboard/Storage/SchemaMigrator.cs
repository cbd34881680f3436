using System.Data.Common;

namespace CorsProbing.Dashboard.Storage;

/// <summary>
/// Brings a database to <see cref="Migrations.All"/> at start: the pending steps in one transaction, so a database is
/// at one version or the next, never between. Replicas starting together wait for each other (PostgreSQL: an advisory
/// lock; SQLite: its write lock), and the one that comes second finds nothing to do.
/// </summary>
public static class SchemaMigrator
{
    // Any constant does: it names this schema's lock among the database's advisory locks.
    private const long LockKey = 0x436F_7273_5072_6F62;

    /// <summary>Applies the pending steps; returns the versions applied (none when the database was current).</summary>
    /// <exception cref="InvalidOperationException">The database is at a version this build does not know (a newer build migrated it).</exception>
    public static async Task<IReadOnlyList<int>> MigrateAsync(DashboardDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (database.Kind == DatabaseKind.Sqlite)
        {
            // Set once on the file: readers never wait for the writer.
            await DashboardDatabase.Execute(connection, null, "PRAGMA journal_mode = WAL").ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (database.Kind == DatabaseKind.Postgres)
        {
            await Run(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", LockKey)).ConfigureAwait(false);
        }

        await Run(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)", cancellationToken).ConfigureAwait(false);
        var current = await CurrentAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var latest = Migrations.All[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The dashboard's database ({database.Description}) is at schema version {current}; this build knows versions up to {latest}. Run the build that migrated it, or a newer one.");
        }

        var applied = new List<int>();
        foreach (var migration in Migrations.All.Where(m => m.Version > current))
        {
            await Run(connection, transaction, database.Kind == DatabaseKind.Postgres ? migration.Postgres : migration.Sqlite, cancellationToken).ConfigureAwait(false);
            await Run(connection, transaction, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @now)", cancellationToken,
                ("version", migration.Version), ("name", migration.Name), ("now", time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
            applied.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    /// <summary>The version the database is at: 0 for an empty one.</summary>
    public static async Task<int> VersionAsync(DashboardDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CurrentAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CurrentAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = DashboardDatabase.Execute(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_migrations");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task Run(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = DashboardDatabase.Execute(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

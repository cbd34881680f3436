namespace CorsProbing.Dashboard.Storage;

/// <summary>Which database holds the dashboard's data: <c>Dashboard:Database</c>.</summary>
public enum DatabaseKind
{
    /// <summary>A SQLite file in <c>Dashboard:DataFolder</c>: one process, nothing to install (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>ConnectionStrings:Dashboard</c>): several replicas share it.</summary>
    Postgres,
}

namespace CorsProbing.Dashboard.Storage;

/// <summary>One step of the schema, written for each database: applied once, in order, recorded in <c>schema_migrations</c>.</summary>
/// <param name="Version">Its number: one more than the step before.</param>
/// <param name="Name">What it does.</param>
/// <param name="Sqlite">Its statements on SQLite.</param>
/// <param name="Postgres">Its statements on PostgreSQL.</param>
public sealed record Migration(int Version, string Name, string Sqlite, string Postgres);

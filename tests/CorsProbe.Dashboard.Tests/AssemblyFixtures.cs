using CorsProbing.Dashboard.Tests.Support;

// One PostgreSQL server for the whole assembly: each test that needs one takes a database of its own on it.
[assembly: AssemblyFixture(typeof(PostgresServer))]

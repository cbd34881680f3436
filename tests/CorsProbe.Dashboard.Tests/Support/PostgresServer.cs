using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CorsProbing.Testing;
using Npgsql;

namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the test assembly, from Debian's <c>postgresql</c> package: <c>initdb</c> in a
/// temporary folder and <c>pg_ctl</c> on a free loopback port (as the unprivileged <c>postgres</c> user when the tests
/// run as root, since PostgreSQL refuses to run as root), stopped and deleted at the end. Each test takes a database
/// of its own (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _folder;
    private string? _pgCtl;
    private int _databases;

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).OrderDescending().FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            : null;
        var initdb = RequiredTool.Find("PostgreSQL", "apt-get install postgresql", bin is null ? "/usr/lib/postgresql/15/bin/initdb" : Path.Combine(bin, "initdb"));
        _pgCtl = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        _folder = Directory.CreateTempSubdirectory("corsprobe-postgres-").FullName;
        var data = Path.Combine(_folder, "data");
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", _folder);
        }

        Port = FreePort();
        await RunAsPostgresAsync(initdb, "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8");
        await RunAsPostgresAsync(_pgCtl, "-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
    }

    /// <summary>A new, empty database; returns its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"dashboard_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is null)
        {
            return;
        }

        if (_pgCtl is not null && Directory.Exists(Path.Combine(_folder, "data", "global")))
        {
            await RunAsPostgresAsync(_pgCtl, "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_folder, recursive: true);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, MaxPoolSize = 50 }.ConnectionString;

    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

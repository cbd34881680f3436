using System.Globalization;
using CorsProbing.Conformance.Support;
using CorsProbing.Testing;

namespace CorsProbing.Conformance.RealServers;

/// <summary>
/// A real server of the suite running in its own process on loopback over TLS, with the suite's certificate and a free
/// port below 32768; disposing it stops the process.
/// </summary>
public sealed class ServerProcess : IRunningServer
{
    private readonly ChildProcess _process;

    private ServerProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The loopback TLS port.</summary>
    public int Port { get; }

    /// <summary>
    /// Starts <c>node server.js</c> of <paramref name="project"/>, whose packages (installed by <c>npm ci</c> from the
    /// committed lock file) include <paramref name="package"/>.
    /// </summary>
    public static Task<ServerProcess> StartNodeAsync(string project, string package, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Repository.Root, "tests", "CorsProbe.Conformance", "RealServers", project);
        var install = $"npm ci --prefix {Path.GetRelativePath(Repository.Root, folder)}";
        var node = RequiredTool.Find("Node.js", "sudo apt-get install -y nodejs", "/usr/bin/node", "/usr/local/bin/node");
        RequiredTool.Find($"the {project} packages", install, Path.Combine(folder, "node_modules", package, "package.json"));

        var directory = ChildProcess.NewDirectory($"corsprobe-{project}-");
        var (certificate, key) = TestCertificate.WritePem(directory);
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var process = ChildProcess.Start(node, [Path.Combine(folder, "server.js"), certificate, key, port], directory, workingDirectory: folder, readOutput: true);
        return AttachAsync(process, "node server.js", cancellationToken);
    }

    /// <summary>Waits for the <c>listening PORT</c> line a script prints when ready; stops it when none comes.</summary>
    public static async Task<ServerProcess> AttachAsync(ChildProcess process, string command, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var line = await process.Process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(20), cancellationToken)
                    ?? throw new InvalidOperationException($"{command} exited before listening");
                if (line.StartsWith("listening ", StringComparison.Ordinal))
                {
                    return new ServerProcess(process, int.Parse(line["listening ".Length..], CultureInfo.InvariantCulture));
                }
            }
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until <paramref name="process"/> accepts connections on <paramref name="port"/>; stops it when it does not.</summary>
    public static async Task<ServerProcess> WhenListeningAsync(ChildProcess process, int port, CancellationToken cancellationToken)
    {
        try
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(20), cancellationToken);
            return new ServerProcess(process, port);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

using System.Diagnostics;
using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance.RealServers;

/// <summary>Express with the <c>cors</c> npm package (installed by <c>npm ci</c> from the committed lock file), over TLS on loopback.</summary>
public sealed class ExpressServer : IAsyncDisposable
{
    /// <summary>The host name the server is reached as.</summary>
    public const string Host = "express.example.com";

    private readonly Process _process;
    private readonly string _directory;

    private ExpressServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    /// <summary>The loopback TLS port.</summary>
    public int Port { get; }

    /// <summary>The configurations, by path.</summary>
    public static IReadOnlyDictionary<string, string> Setups { get; } = new Dictionary<string, string>
    {
        ["/default"] = "cors(): Access-Control-Allow-Origin: *",
        ["/reflect"] = "cors({ origin: true }): the request's Origin reflected",
        ["/allow-list"] = "cors({ origin: [dashboard, partner], methods: ['GET', 'POST'] })",
        ["/credentials"] = "cors({ origin: dashboard, credentials: true })",
    };

    /// <summary>Starts <c>node server.js</c> and waits for the port it reports.</summary>
    public static async Task<ExpressServer> StartAsync(CancellationToken cancellationToken)
    {
        var project = Path.Combine(Repository.Root, "tests", "CorsProbe.Conformance", "RealServers", "express");
        var install = $"npm ci --prefix {Path.GetRelativePath(Repository.Root, project)}";
        var node = RequiredTool.Find("Node.js", "sudo apt-get install -y nodejs", "/usr/bin/node", "/usr/local/bin/node");
        RequiredTool.Find("the express and cors packages", install, Path.Combine(project, "node_modules", "cors", "package.json"));

        var directory = Directory.CreateTempSubdirectory("corsprobe-express-").FullName;
        var (certificate, key) = TestCertificate.WritePem(directory);
        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = project };
        foreach (var argument in new[] { Path.Combine(project, "server.js"), certificate, key })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(20), cancellationToken)
            ?? throw new InvalidOperationException("node server.js exited before listening");
        return new ExpressServer(process, directory, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

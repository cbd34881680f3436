using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance.RealServers;

/// <summary>Express with the <c>cors</c> npm package (installed by <c>npm ci</c> from the committed lock file), over TLS on loopback.</summary>
public sealed class ExpressServer : IAsyncDisposable
{
    /// <summary>The host name the server is reached as.</summary>
    public const string Host = "express.example.com";

    private readonly ChildProcess _process;

    private ExpressServer(ChildProcess process, int port)
    {
        _process = process;
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
        ["/reflect-credentials"] = "cors({ origin: true, credentials: true }): any origin, with credentials",
        ["/regex"] = "cors({ origin: /dashboard.galxe.com/ }): unescaped dots, no anchors",
        ["/ends-with"] = "cors({ origin: (o, done) => done(null, o.endsWith('galxe.com')) })",
        ["/null"] = "cors({ origin: ['null', dashboard] })",
    };

    /// <summary>Starts <c>node server.js</c> and waits for the port it reports.</summary>
    public static async Task<ExpressServer> StartAsync(CancellationToken cancellationToken)
    {
        var project = Path.Combine(Repository.Root, "tests", "CorsProbe.Conformance", "RealServers", "express");
        var install = $"npm ci --prefix {Path.GetRelativePath(Repository.Root, project)}";
        var node = RequiredTool.Find("Node.js", "sudo apt-get install -y nodejs", "/usr/bin/node", "/usr/local/bin/node");
        RequiredTool.Find("the express and cors packages", install, Path.Combine(project, "node_modules", "cors", "package.json"));

        var directory = ChildProcess.NewDirectory("corsprobe-express-");
        var (certificate, key) = TestCertificate.WritePem(directory);
        var process = ChildProcess.Start(node, [Path.Combine(project, "server.js"), certificate, key], directory, workingDirectory: project, readOutput: true);
        try
        {
            var line = await process.Process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(20), cancellationToken)
                ?? throw new InvalidOperationException("node server.js exited before listening");
            return new ExpressServer(process, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture));
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

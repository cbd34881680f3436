namespace CorsProbing.Conformance.RealServers;

/// <summary>Express with the <c>cors</c> npm package (installed by <c>npm ci</c> from the committed lock file), over TLS on loopback.</summary>
public static class ExpressServer
{
    /// <summary>The host name the server is reached as.</summary>
    public const string Host = "express.example.com";

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
        ["/route-first"] = "app.get(path, handler) registered before app.use(path, cors(...)): the GET has no CORS headers",
        ["/moved"] = "cors(...) then res.redirect(301, '/default')",
        ["/appended"] = "cors(...) then res.append('Access-Control-Allow-Origin', ...): two lines",
    };

    /// <summary>Starts <c>node server.js</c>.</summary>
    public static Task<ServerProcess> StartAsync(CancellationToken cancellationToken) => ServerProcess.StartNodeAsync("express", "cors", cancellationToken);
}

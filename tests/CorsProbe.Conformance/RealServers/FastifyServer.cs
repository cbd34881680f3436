namespace CorsProbing.Conformance.RealServers;

/// <summary>fastify with <c>@fastify/cors</c>, one encapsulated plugin per configuration, over TLS on loopback.</summary>
public static class FastifyServer
{
    /// <summary>The host name the server is reached as.</summary>
    public const string Host = "fastify.example.com";

    /// <summary>The configurations, by path.</summary>
    public static IReadOnlyDictionary<string, string> Setups { get; } = new Dictionary<string, string>
    {
        ["/default/"] = "register(cors): Access-Control-Allow-Origin: *",
        ["/allow-list/"] = "register(cors, { origin: [dashboard, partner], methods: ['GET', 'POST'] })",
        ["/credentials/"] = "register(cors, { origin: dashboard, credentials: true })",
        ["/reflect-credentials/"] = "register(cors, { origin: true, credentials: true })",
        ["/write-only/"] = "register(cors, { origin: dashboard }); only POST and PUT routes: GET is 404",
        ["/moved/"] = "register(cors, { origin: dashboard }); reply.redirect('/default/', 302)",
        ["/appended/"] = "register(cors, { origin: dashboard }); reply.header('Access-Control-Allow-Origin', [dashboard, dashboard]): two lines",
        ["/auth-before-cors/"] = "an onRequest hook answers 401 before the CORS plugin's hook (OPTIONS passes)",
    };

    /// <summary>Starts <c>node server.js</c>.</summary>
    public static Task<ServerProcess> StartAsync(CancellationToken cancellationToken) => ServerProcess.StartNodeAsync("fastify", "@fastify/cors", cancellationToken);
}

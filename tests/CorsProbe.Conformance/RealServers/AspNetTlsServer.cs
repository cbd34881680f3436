using CorsProbing.Conformance.Support;
using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CorsProbing.Conformance.RealServers;

/// <summary>ASP.NET Core's CORS middleware on Kestrel over TLS, with the integration tests' policies, one per path.</summary>
public sealed class AspNetTlsServer : IRunningServer
{
    /// <summary>The host name the server is reached as.</summary>
    public const string Host = "aspnet.example.com";

    private readonly WebApplication _app;

    private AspNetTlsServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    /// <summary>The configurations, by path.</summary>
    public static IReadOnlyDictionary<string, string> Setups { get; } = new Dictionary<string, string>
    {
        ["/any"] = "AllowAnyOrigin, AllowAnyMethod, AllowAnyHeader",
        ["/designated"] = "WithOrigins(dashboard), WithMethods(GET, POST), WithHeaders(Content-Type)",
        ["/credentials"] = "WithOrigins(dashboard), AllowCredentials, any method and header",
        ["/methods"] = "WithOrigins(dashboard), WithMethods(GET, POST, PUT), no headers",
        ["/headers"] = "WithOrigins(dashboard), WithMethods(GET, POST), WithHeaders(X-Api-Key)",
        ["/max-age"] = "AllowAnyOrigin, WithMethods(GET, POST, PUT), SetPreflightMaxAge(10 min)",
        ["/other-origin"] = "WithOrigins(another origin)",
    };

    /// <summary>Starts Kestrel on a free loopback port.</summary>
    public static async Task<AspNetTlsServer> StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (app, address) = await LoopbackKestrel.StartAsync(services => services.AddCors(AspNetCorsServer.ConfigurePolicies), AspNetCorsServer.MapPolicies, TestCertificate.Certificate);
        return new AspNetTlsServer(app, new Uri(address).Port);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

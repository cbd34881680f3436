using System.Net;
using CorsProbing.Conformance.Support;
using CorsProbing.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, FreePort.Next(), listen => listen.UseHttps(TestCertificate.Certificate)));
        builder.Services.AddCors(AspNetCorsServer.ConfigurePolicies);
        var app = builder.Build();
        AspNetCorsServer.MapPolicies(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new AspNetTlsServer(app, new Uri(address).Port);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

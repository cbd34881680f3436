using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsProbing.Benchmarks;

/// <summary>
/// An in-process Kestrel on loopback answering every preflight with a typical allowing response, and one client whose
/// handler connects the API's production-like URL (<c>http://api.example.test</c>, port 80) to it, so CorsProbe's report
/// is the one a real API would get. Both rows of a benchmark share the client.
/// </summary>
public sealed class LoopbackCorsApi : IDisposable
{
    private readonly WebApplication _server;

    private LoopbackCorsApi(WebApplication server, HttpClient client)
    {
        _server = server;
        Client = client;
    }

    /// <summary>The URL the rows call.</summary>
    public string Url => "http://api.example.test/quests";

    /// <summary>The shared client.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts Kestrel on a free loopback port.</summary>
    public static LoopbackCorsApi Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = builder.Build();
        server.Run(context =>
        {
            var headers = context.Response.Headers;
            headers["Access-Control-Allow-Origin"] = SampleResponses.Origin;
            headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
            headers["Access-Control-Allow-Headers"] = "Content-Type, Authorization, X-Api-Key, X-Request-Id, Accept-Language";
            headers["Access-Control-Allow-Credentials"] = "true";
            headers["Access-Control-Max-Age"] = "600";
            headers["Vary"] = "Origin";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        server.StartAsync().GetAwaiter().GetResult();
        var port = new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            MaxConnectionsPerServer = 256,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
        return new LoopbackCorsApi(server, client);
    }

    /// <summary>The bare <c>OPTIONS</c> request a hand-written check sends: the same headers CorsProbe sends for PUT + two headers.</summary>
    public async Task<int> BareOptionsAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, Url);
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "PUT");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "authorization,content-type");
        request.Headers.TryAddWithoutValidation("Origin", SampleResponses.Origin);
        request.Headers.TryAddWithoutValidation("User-Agent", "CorsProbe/0.1.0 (+https://github.com/corsprobe/CorsProbe)");
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>The probe both benchmarks run: PUT with two unsafe headers and credentials.</summary>
    public CorsProbeBuilder Probe() =>
        CorsProbe.For(Url).WithOrigin(SampleResponses.Origin).RequireMethods("PUT")
            .RequireHeaders("Content-Type", "Authorization").WithCredentials().UsingHttpClient(Client);

    /// <inheritdoc />
    public void Dispose()
    {
        Client.Dispose();
        _server.StopAsync().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

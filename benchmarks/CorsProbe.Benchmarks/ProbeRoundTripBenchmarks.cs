using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsProbing.Benchmarks;

/// <summary>
/// A whole probe against an in-process Kestrel on loopback vs the bare <c>HttpClient.SendAsync(OPTIONS)</c> that
/// carries the same headers to the same endpoint: what CorsProbe adds on top of the HTTP exchange itself.
/// </summary>
[MemoryDiagnoser]
public class ProbeRoundTripBenchmarks
{
    private WebApplication _server = null!;
    private HttpClient _client = null!;
    private string _url = "";
    private CorsProbeBuilder _probe = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(context =>
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
        _server.StartAsync().GetAwaiter().GetResult();
        var port = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

        // Both rows share one client over the same kind of handler CorsProbe uses by default. It connects the API's
        // production-like URL (port 80) to the loopback Kestrel, so the report is the one a real API would get.
        _url = "http://api.example.test/quests";
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
        _probe = CorsProbe.For(_url).WithOrigin(SampleResponses.Origin).RequireMethods("PUT")
            .RequireHeaders("Content-Type", "Authorization").WithCredentials().UsingHttpClient(_client);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _server.StopAsync().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> BareHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, _url);
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "PUT");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "authorization,content-type");
        request.Headers.TryAddWithoutValidation("Origin", SampleResponses.Origin);
        request.Headers.TryAddWithoutValidation("User-Agent", "CorsProbe/0.1.0 (+https://github.com/corsprobe/CorsProbe)");
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (int)response.StatusCode;
    }

    [Benchmark]
    public async Task<bool> ProbeAsync() => (await _probe.ProbeAsync()).IsAllowed;
}

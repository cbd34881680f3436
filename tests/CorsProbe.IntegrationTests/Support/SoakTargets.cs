using System.Net.Sockets;
using System.Net;
using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CorsProbing.IntegrationTests.Support;

/// <summary>
/// The targets of the batch soak, all on 127.0.0.1: a Kestrel with <c>/healthy</c> (an allowing preflight answer) and
/// <c>/slow</c> (answers after 30 s, long after any probe gave up), and a raw listener that resets every connection.
/// </summary>
public sealed class SoakTargets : IAsyncDisposable
{
    private readonly WebApplication _kestrel;
    private readonly TcpListener _resetting;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _resetLoop;

    private SoakTargets(WebApplication kestrel, int kestrelPort, TcpListener resetting)
    {
        _kestrel = kestrel;
        KestrelPort = kestrelPort;
        _resetting = resetting;
        ResetPort = ((IPEndPoint)resetting.LocalEndpoint).Port;
        _resetLoop = ResetEveryConnectionAsync();
    }

    /// <summary>Kestrel's port.</summary>
    public int KestrelPort { get; }

    /// <summary>The resetting listener's port.</summary>
    public int ResetPort { get; }

    /// <summary>A URL answered with an allowing preflight.</summary>
    public string Healthy => $"http://127.0.0.1:{KestrelPort}/healthy";

    /// <summary>A URL answered only after every probe's timeout.</summary>
    public string Slow => $"http://127.0.0.1:{KestrelPort}/slow";

    /// <summary>A URL whose connections are reset.</summary>
    public string Resetting => $"http://127.0.0.1:{ResetPort}/reset";

    /// <summary>Starts both servers.</summary>
    public static async Task<SoakTargets> StartAsync()
    {
        var (app, baseUrl) = await LoopbackKestrel.StartAsync(services: null, app => app.Run(async context =>
        {
            if (context.Request.Path == "/slow")
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }

            context.Response.Headers["Access-Control-Allow-Origin"] = "https://dashboard.galxe.com";
            context.Response.Headers["Access-Control-Allow-Methods"] = "PUT";
            context.Response.Headers["Vary"] = "Origin";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }));
        var port = new Uri(baseUrl).Port;
        var resetting = new TcpListener(IPAddress.Loopback, 0);
        resetting.Start(backlog: 512);
        return new SoakTargets(app, port, resetting);
    }

    private async Task ResetEveryConnectionAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _resetting.AcceptSocketAsync(_stop.Token);
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _resetting.Stop();
        await _resetLoop;
        await _kestrel.StopAsync(CancellationToken.None);
        await _kestrel.DisposeAsync();
        _stop.Dispose();
    }
}

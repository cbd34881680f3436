using System.Net;
using System.Net.Sockets;

namespace CorsProbing.Tests.Support;

/// <summary>A handler that never answers: it runs <paramref name="onSend"/> (to advance a fake clock) and waits for cancellation.</summary>
public sealed class HangingHandler(Action onSend) : HttpMessageHandler
{
    public int Calls { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        onSend();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("A hanging handler never answers.");
    }
}

/// <summary>Loopback helpers.</summary>
public static class Loopback
{
    /// <summary>A loopback port nothing listens on: connecting to it is refused.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

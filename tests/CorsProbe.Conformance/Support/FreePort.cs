using System.Net;
using System.Net.Sockets;

namespace CorsProbing.Conformance.Support;

/// <summary>Loopback ports for servers that cannot report the port they bound (nginx).</summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Count = 32768 - First;
    private static int _next = Random.Shared.Next(Count);

    /// <summary>
    /// A loopback port below 32768 that was free a moment ago: below Linux's ephemeral range, so that no outgoing
    /// connection's local port takes it between this check and the server's bind.
    /// </summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and 32767.");
    }

    /// <summary>Waits until something accepts connections on <paramref name="port"/>.</summary>
    public static async Task WaitUntilListeningAsync(int port, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}

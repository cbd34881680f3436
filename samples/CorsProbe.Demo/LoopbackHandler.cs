using System.Net;
using System.Net.Sockets;

namespace CorsProbing.Demo;

/// <summary>
/// A transport that connects every request to the embedded API on loopback, whatever the host name, so the demo can
/// probe realistic URLs (<c>http://api.demo.test/...</c>, port 80) without touching the network.
/// </summary>
internal static class LoopbackHandler
{
    public static SocketsHttpHandler Create(int port) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

using System.Net;
using System.Net.Sockets;

namespace CorsProbing.Conformance.Oracle;

/// <summary>A handler that connects every request to one loopback port and trusts the suite's test certificate.</summary>
public static class LoopbackTls
{
    /// <summary>Creates the handler; the caller disposes it.</summary>
    public static SocketsHttpHandler HandlerTo(int port) => HandlerTo(_ => port);

    /// <summary>Creates a handler that connects each host name to the loopback port <paramref name="portOf"/> gives.</summary>
    public static SocketsHttpHandler HandlerTo(Func<string, int> portOf) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var port = portOf(context.DnsEndPoint.Host);
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
        // Trust exactly the suite's own certificate, nothing else.
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == Support.TestCertificate.Certificate.GetCertHashString() },
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
    };
}

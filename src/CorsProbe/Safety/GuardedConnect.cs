using System.Net;
using System.Net.Sockets;

namespace CorsProbing.Safety;

/// <summary>
/// The default transport's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host itself, refuses the target
/// when any resolved address is refused by the policy, and connects only to the addresses it checked, so no second
/// DNS answer (rebinding) can slip in between the check and the connect.
/// </summary>
internal sealed class GuardedConnect(NetworkPolicy policy, Func<string, CancellationToken, Task<IPAddress[]>>? resolver = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolver ?? Dns.GetHostAddressesAsync;

    /// <summary>Connects as <see cref="SocketsHttpHandler.ConnectCallback"/> does.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await _resolve(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        // One refused address refuses the target: never pick a "good" one out of a mixed answer.
        foreach (var address in addresses)
        {
            if (policy.Refuses(address) is { } refused)
            {
                throw new BlockedAddressException(host, address, refused);
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

namespace CorsProbing.Safety;

/// <summary>
/// Opens every connection CorsProbe makes: resolves the host itself, refuses the target when any resolved address is
/// refused by the policy, and connects only to the addresses it checked, so no second DNS answer (rebinding) can slip
/// in between the check and the connect. The default transport calls it directly; <see cref="CorsProbeHandler"/> plugs
/// it into <see cref="SocketsHttpHandler.ConnectCallback"/>.
/// </summary>
internal sealed class GuardedConnect(NetworkPolicy policy, Func<string, CancellationToken, Task<IPAddress[]>>? resolver = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolver ?? Dns.GetHostAddressesAsync;

    /// <summary>A connected socket to <paramref name="host"/> (a name or an address literal) on <paramref name="port"/>.</summary>
    /// <exception cref="BlockedAddressException">The host resolves to an address the policy refuses.</exception>
    /// <exception cref="SocketException">The name does not resolve, or no address accepts the connection.</exception>
    public async Task<Socket> ConnectSocketAsync(string host, int port, CancellationToken cancellationToken)
    {
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
                throw new BlockedAddressException(host, address, refused, policy);
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Connects as <see cref="SocketsHttpHandler.ConnectCallback"/> does.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken) =>
        new NetworkStream(await ConnectSocketAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false), ownsSocket: true);
}

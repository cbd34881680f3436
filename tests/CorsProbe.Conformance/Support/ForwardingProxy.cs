using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsProbing.Conformance.Support;

/// <summary>
/// An HTTP proxy on loopback that sends every host name the suite uses to the loopback port that serves it: the way
/// Firefox and WebKit, which have no host-resolver rules, reach the suite's servers. <c>CONNECT host:port</c> opens a
/// tunnel (the browser speaks TLS through it to the server itself); a plain request in absolute form is passed on whole.
/// Bytes are forwarded untouched in both directions, so the server sees exactly what the browser sent.
/// </summary>
public sealed class ForwardingProxy : LoopbackTcpServer
{
    private const int MaxHeadBytes = 16 * 1024;
    private readonly Func<string, int, int?> _route;

    /// <summary>Starts a proxy that connects <c>host:port</c> to the loopback port <paramref name="route"/> gives, or refuses it (null).</summary>
    public ForwardingProxy(Func<string, int, int?> route)
    {
        _route = route;
        Start();
    }

    /// <summary>The proxy's URL, <c>http://127.0.0.1:{port}</c>.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <inheritdoc />
    protected override async Task ServeAsync(TcpClient client)
    {
        try
        {
            var browser = client.GetStream();
            var (head, length) = await ReadHeadAsync(browser);
            if (head is null)
            {
                return;
            }

            var target = Encoding.Latin1.GetString(head, 0, length).Split("\r\n")[0].Split(' ');
            var tunnel = target is ["CONNECT", _, ..];
            var (host, port) = tunnel ? Authority(target[1]) : Authority(target.Length > 1 ? target[1] : string.Empty);
            if (host is null || _route(host, port) is not { } loopbackPort)
            {
                await browser.WriteAsync("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), Stopping);
                return;
            }

            using var upstream = new TcpClient { NoDelay = true };
            await upstream.ConnectAsync(IPAddress.Loopback, loopbackPort, Stopping);
            var server = upstream.GetStream();
            if (tunnel)
            {
                await browser.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray(), Stopping);
                await server.WriteAsync(head.AsMemory(length), Stopping);
            }
            else
            {
                await server.WriteAsync(head, Stopping);
            }

            // Either side closing ends the exchange; closing both ends the other copy.
            await Task.WhenAny(browser.CopyToAsync(server, Stopping), server.CopyToAsync(browser, Stopping));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser or the server went away, or the proxy is stopping.
        }
    }

    // The bytes read so far and the length of the head in them (up to and including the blank line).
    private async Task<(byte[]? Bytes, int HeadLength)> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[MaxHeadBytes];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), Stopping);
            if (read == 0)
            {
                return (null, 0);
            }

            filled += read;
            var end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return (buffer[..filled], end + 4);
            }
        }

        return (null, 0);
    }

    // "host:port" of a CONNECT, or the authority of an absolute URL ("http://localhost:8123/run").
    private static (string? Host, int Port) Authority(string target)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return (url.Host, url.Port);
        }

        return Uri.TryCreate("tunnel://" + target, UriKind.Absolute, out var authority) && authority.Port > 0
            ? (authority.Host, authority.Port)
            : (null, 0);
    }
}

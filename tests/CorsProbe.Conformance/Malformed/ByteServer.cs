using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance.Malformed;

/// <summary>
/// A TLS server on loopback that answers each connection's first request with exact bytes (recording it through the answer function) and then closes the
/// connection, so nothing a malformed answer leaves behind can reach the next request. With <c>early</c> bytes it
/// writes them as soon as the handshake is done, before reading the request.
/// </summary>
public sealed class ByteServer : LoopbackTcpServer
{
    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(15);
    private readonly Func<RawRequest, byte[]> _answer;
    private readonly byte[]? _early;

    /// <summary>Starts listening on a free loopback port.</summary>
    public ByteServer(Func<RawRequest, byte[]> answer, byte[]? early = null)
    {
        _answer = answer;
        _early = early;
        Start();
    }

    /// <inheritdoc />
    protected override async Task ServeAsync(TcpClient client)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Stopping);
        limit.CancelAfter(ReadLimit);
        try
        {
            await using var ssl = new SslStream(client.GetStream());
            await ssl.AuthenticateAsServerAsync(TlsOptions, limit.Token);
            if (_early is not null)
            {
                await ssl.WriteAsync(_early, limit.Token);
                await ssl.FlushAsync(limit.Token);
            }

            if (await ReadRequestAsync(ssl, limit.Token) is { } request)
            {
                var answer = _answer(request);
                if (_early is null)
                {
                    await ssl.WriteAsync(answer, limit.Token);
                    await ssl.FlushAsync(limit.Token);
                }
            }

            await ssl.ShutdownAsync();
            client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away, took too long, or the server is stopping: nothing to answer.
        }
    }

    // The request head only: every request the suite sends here is body-less.
    private static async Task<RawRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new MemoryStream();
        var chunk = new byte[4096];
        while (head.Length < 64 * 1024)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            head.Write(chunk, 0, read);
            var text = Encoding.Latin1.GetString(head.GetBuffer(), 0, (int)head.Length);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var lines = text[..end].Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var headers = lines.Skip(1).Select(line => line.Split(':', 2)).Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1].Trim() : string.Empty)).ToList();
                return new RawRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", headers, []);
            }
        }

        return null;
    }
}

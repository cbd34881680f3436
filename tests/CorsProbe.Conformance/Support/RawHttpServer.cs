using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace CorsProbing.Conformance.Support;

/// <summary>
/// A minimal HTTP/1.1 server on loopback, over TLS or plain TCP, that hands every request to one function and writes
/// its <see cref="RawResponse"/> byte for byte. Frameworks normalize header lines; a conformance oracle must not.
/// </summary>
public sealed class RawHttpServer : LoopbackTcpServer
{
    private const int MaxHeadBytes = 64 * 1024;
    private readonly Func<RawRequest, RawResponse> _handler;
    private readonly bool _tls;

    /// <summary>Starts listening on a free loopback port.</summary>
    public RawHttpServer(Func<RawRequest, RawResponse> handler, bool tls)
    {
        _handler = handler;
        _tls = tls;
        Start();
    }

    /// <inheritdoc />
    protected override async Task ServeAsync(TcpClient client)
    {
        try
        {
            Stream stream = client.GetStream();
            if (_tls)
            {
                var ssl = new SslStream(stream);
                await ssl.AuthenticateAsServerAsync(TlsOptions, Stopping);
                stream = ssl;
            }

            await using (stream)
            {
                var buffer = new List<byte>();
                while (await ReadRequestAsync(stream, buffer) is { } request)
                {
                    var response = _handler(request);
                    await stream.WriteAsync(response.ToBytes(), Stopping);
                    await stream.FlushAsync(Stopping);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or the server is stopping: nothing to answer.
        }
    }

    // Reads one request (head and Content-Length body); null when the connection closes between requests.
    private async Task<RawRequest?> ReadRequestAsync(Stream stream, List<byte> buffer)
    {
        var chunk = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            if (buffer.Count > MaxHeadBytes)
            {
                return null;
            }

            var read = await stream.ReadAsync(chunk, Stopping);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.Latin1.GetString([.. buffer.GetRange(0, headEnd)]).Split("\r\n");
        buffer.RemoveRange(0, headEnd + 4);
        var requestLine = head[0].Split(' ');
        var headers = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .Select(parts => new KeyValuePair<string, string>(parts[0], parts.Length > 1 ? parts[1].Trim(' ', '\t') : string.Empty))
            .ToList();
        var length = int.TryParse(headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value, out var n) ? n : 0;
        while (buffer.Count < length)
        {
            var read = await stream.ReadAsync(chunk, Stopping);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var body = buffer.GetRange(0, length).ToArray();
        buffer.RemoveRange(0, length);
        return new RawRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", headers, body);
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}

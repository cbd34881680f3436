using System.Text;
using CorsProbing.Testing;

namespace CorsProbing.Extensions.Http.Tests.Support;

/// <summary>
/// A loopback server whose first OPTIONS request gets a 503 without any CORS header (after a delay, when one is given)
/// and every later one a 204 that grants the dashboard PUT; GETs get a 200 with <c>Access-Control-Allow-Origin: *</c>.
/// It counts the OPTIONS requests it answered.
/// </summary>
internal sealed class FlakyPreflightServer : IAsyncDisposable
{
    private static readonly byte[] Refusal = Encoding.ASCII.GetBytes("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
    private static readonly byte[] Grant = Encoding.ASCII.GetBytes("HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://dashboard.galxe.com\r\nAccess-Control-Allow-Methods: PUT\r\nVary: Origin\r\n\r\n");
    private static readonly byte[] Get = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 2\r\n\r\nok");

    private readonly ScriptedServer _server;
    private int _preflights;

    public FlakyPreflightServer(TimeSpan firstAnswerDelay = default) => _server = new ScriptedServer(async (request, token) =>
    {
        if (request.Method != "OPTIONS")
        {
            return Get;
        }

        if (Interlocked.Increment(ref _preflights) > 1)
        {
            return Grant;
        }

        await Task.Delay(firstAnswerDelay, token);
        return Refusal;
    });

    public string Url => _server.Url;

    public int Preflights => Volatile.Read(ref _preflights);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

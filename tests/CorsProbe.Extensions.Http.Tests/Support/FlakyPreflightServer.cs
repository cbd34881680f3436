using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsProbing.Extensions.Http.Tests.Support;

/// <summary>
/// A raw loopback server whose first OPTIONS request gets a 503 without any CORS header (after
/// <see cref="FirstAnswerDelay"/>) and every later one a 204 that grants the dashboard PUT; GETs get a 200 with
/// <c>Access-Control-Allow-Origin: *</c>. It counts the OPTIONS requests it answered.
/// </summary>
internal sealed class FlakyPreflightServer : IAsyncDisposable
{
    private const string Refusal = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n";
    private const string Grant = "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://dashboard.galxe.com\r\nAccess-Control-Allow-Methods: PUT\r\nVary: Origin\r\n\r\n";
    private const string Get = "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 2\r\n\r\nok";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _preflights;

    public FlakyPreflightServer(TimeSpan firstAnswerDelay = default)
    {
        FirstAnswerDelay = firstAnswerDelay;
        _listener.Start();
        _serving = ServeAsync();
    }

    public TimeSpan FirstAnswerDelay { get; }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/quests";

    public int Preflights => Volatile.Read(ref _preflights);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                connections.Add(ServeConnectionAsync(socket));
            }
        }
        finally
        {
            await Task.WhenAll(connections).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ServeConnectionAsync(Socket socket)
    {
        using var owned = socket;
        var buffer = new byte[8192];
        var received = new StringBuilder();
        try
        {
            while (true)
            {
                var end = received.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end < 0)
                {
                    var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    continue;
                }

                var request = received.ToString(0, end);
                received.Remove(0, end + 4);
                string answer;
                if (request.StartsWith("OPTIONS", StringComparison.Ordinal))
                {
                    var first = Interlocked.Increment(ref _preflights) == 1;
                    if (first && FirstAnswerDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(FirstAnswerDelay, _stop.Token);
                    }

                    answer = first ? Refusal : Grant;
                }
                else
                {
                    answer = Get;
                }

                await socket.SendAsync(Encoding.ASCII.GetBytes(answer), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsProbing.Testing;

/// <summary>
/// A raw loopback server answering every request with an allowing preflight response, for as long as it lives. Shared
/// (linked) by the test projects that need a real socket but no web framework.
/// </summary>
public sealed class PreflightAnsweringServer : IAsyncDisposable
{
    private const string Answer =
        "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://dashboard.galxe.com\r\nAccess-Control-Allow-Methods: GET, POST, PUT\r\nVary: Origin\r\n\r\n";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _requests;

    public PreflightAnsweringServer()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url => $"http://127.0.0.1:{Port}/api";

    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                connections.Add(AnswerAsync(socket));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped (a listener stopped between two accepts says it is not listening).
        }

        await Task.WhenAll(connections);
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var buffer = new byte[8192];
            var seen = new StringBuilder();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    seen.Append(Encoding.Latin1.GetString(buffer, 0, read));
                    while (seen.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0)
                    {
                        seen.Remove(0, end + 4);
                        Interlocked.Increment(ref _requests);
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(Answer), _stop.Token);
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // The client went away or the server stopped.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}

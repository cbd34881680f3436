using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsProbing.Testing;

/// <summary>
/// A raw loopback HTTP/1.1 server whose answers a test writes (shared, linked, by the test projects that need one): for each request head read on a connection it asks
/// <c>answer</c> for the bytes to send (null closes the connection without answering). It counts connections, requests
/// and the most connections open at once, so a test sees what the client kept, reused and closed.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly Func<ScriptedRequest, CancellationToken, Task<byte[]?>> _answer;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly List<Task> _connections = [];
    private int _accepted;
    private int _requests;
    private int _open;
    private int _mostOpen;

    public ScriptedServer(Func<ScriptedRequest, CancellationToken, Task<byte[]?>> answer)
    {
        _answer = answer;
        _listener.Start();
        _serving = AcceptAsync();
    }

    public ScriptedServer(Func<ScriptedRequest, string?> answer)
        : this((request, _) => Task.FromResult(answer(request) is { } text ? Encoding.Latin1.GetBytes(text) : null))
    {
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url => $"http://127.0.0.1:{Port}/scripted";

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _accepted);

    /// <summary>Request heads read so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The most connections that were open at once.</summary>
    public int MostOpenAtOnce => Volatile.Read(ref _mostOpen);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped (a listener stopped between two accepts says it is not listening).
        }

        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).WaitAsync(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        for (var index = 0; ; index++)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            Interlocked.Increment(ref _accepted);
            var open = Interlocked.Increment(ref _open);
            int most;
            while (open > (most = Volatile.Read(ref _mostOpen)) && Interlocked.CompareExchange(ref _mostOpen, open, most) != most)
            {
            }

            lock (_connections)
            {
                _connections.Add(ServeAsync(socket, index));
            }
        }
    }

    private async Task ServeAsync(Socket socket, int connection)
    {
        try
        {
            using (socket)
            {
                var buffer = new byte[16 * 1024];
                var received = new StringBuilder();
                for (var onConnection = 0; ; onConnection++)
                {
                    int end;
                    while ((end = received.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
                    {
                        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        received.Append(Encoding.Latin1.GetString(buffer, 0, read));
                    }

                    var head = received.ToString(0, end + 4);
                    received.Remove(0, end + 4);
                    Interlocked.Increment(ref _requests);
                    if (await _answer(new ScriptedRequest(head, connection, onConnection), _stop.Token) is not { } answer)
                    {
                        return;
                    }

                    await socket.SendAsync(answer, SocketFlags.None, _stop.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }
}

/// <summary>One request head the <see cref="ScriptedServer"/> read.</summary>
/// <param name="Head">The request line and header lines, with the blank line.</param>
/// <param name="Connection">Which connection it came on, counted from 0 in the order accepted.</param>
/// <param name="OnConnection">Which request of that connection it is, counted from 0.</param>
public sealed record ScriptedRequest(string Head, int Connection, int OnConnection)
{
    /// <summary>The method.</summary>
    public string Method => Head[..Head.IndexOf(' ', StringComparison.Ordinal)];
}

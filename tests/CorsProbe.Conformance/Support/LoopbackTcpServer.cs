using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace CorsProbing.Conformance.Support;

/// <summary>
/// A TCP listener on a free loopback port that hands each connection to <see cref="ServeAsync"/> until disposed; the
/// base of the suite's servers that write their own bytes.
/// </summary>
public abstract class LoopbackTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, FreePort.Next());
    private readonly CancellationTokenSource _stopping = new();
    private Task? _accepting;

    /// <summary>TLS as the suite's servers speak it: the test certificate, HTTP/1.1, TLS 1.2 or 1.3.</summary>
    public static SslServerAuthenticationOptions TlsOptions => new()
    {
        ServerCertificate = TestCertificate.Certificate,
        ApplicationProtocols = [SslApplicationProtocol.Http11],
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
    };

    /// <summary>The loopback port the server listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Cancelled when the server stops.</summary>
    protected CancellationToken Stopping => _stopping.Token;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await (_accepting ?? Task.CompletedTask);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped (a listener stopped between two accepts says it is not listening).
        }

        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts accepting; derived constructors call it last.</summary>
    protected void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Serves one connection; the server disposes the client afterwards.</summary>
    protected abstract Task ServeAsync(TcpClient client);

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = ServeAndCloseAsync(client);
        }
    }

    private async Task ServeAndCloseAsync(TcpClient client)
    {
        using (client)
        {
            await ServeAsync(client);
        }
    }
}

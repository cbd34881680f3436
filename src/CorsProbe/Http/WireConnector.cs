using System.Net.Security;
using System.Security.Authentication;
using CorsProbing.Safety;

namespace CorsProbing.Http;

/// <summary>
/// Opens the default transport's connections: a socket through the SSRF guard (every resolved address checked), and
/// for https TLS over it with SNI, ALPN <c>http/1.1</c> only, and the system's trust plus the caller's trusted
/// certificates. Every failure is an <see cref="HttpRequestException"/> that says which step failed.
/// </summary>
internal static class WireConnector
{
    /// <summary>Connects to <paramref name="url"/>'s host and port through <paramref name="guard"/>, with TLS for https.</summary>
    /// <exception cref="HttpRequestException">The name does not resolve, the connection or the TLS handshake failed, or the guard refused the address (inner <see cref="BlockedAddressException"/>).</exception>
    public static async Task<WireConnection> OpenAsync(GuardedConnect guard, TrustedCertificates trust, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await ConnectAsync(guard, trust, url, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new ConnectTimeoutException($"no connection to {url.IdnHost}:{url.Port} was made in time", exception);
        }
    }

    private static async Task<WireConnection> ConnectAsync(GuardedConnect guard, TrustedCertificates trust, Uri url, CancellationToken cancellationToken)
    {
        var host = url.HostNameType == UriHostNameType.IPv6 ? url.DnsSafeHost : url.IdnHost;
        Socket socket;
        try
        {
            socket = await guard.ConnectSocketAsync(host, url.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData)
        {
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"{exception.Message} ({host}:{url.Port})", exception);
        }
        catch (Exception exception) when (exception is SocketException or BlockedAddressException)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"{exception.Message} ({host}:{url.Port})", exception);
        }

        var opened = TimeProvider.System.GetTimestamp();
        var network = new NetworkStream(socket, ownsSocket: true);
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return new WireConnection(socket, network, tls: false, opened);
        }

        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = host,
                    ApplicationProtocols = [SslApplicationProtocol.Http11],
                    RemoteCertificateValidationCallback = trust.IsEmpty ? null : (_, certificate, chain, errors) => trust.Validate(certificate, chain, errors),
                },
                cancellationToken).ConfigureAwait(false);
            return new WireConnection(socket, tls, tls: true, opened);
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new HttpRequestException(HttpRequestError.SecureConnectionError, RefusesHttp11(exception)
                ? $"The TLS handshake with {host}:{url.Port} failed: the server refused HTTP/1.1 (ALPN), so it speaks only HTTP/2, and CorsProbe speaks HTTP/1.1"
                : $"The TLS handshake with {host}:{url.Port} failed", exception);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // The server's no_application_protocol alert (RFC 7301): it offered no protocol we asked for, and we ask only for
    // http/1.1. The TLS library names the alert only in its message.
    private static bool RefusesHttp11(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current.Message.Contains("no application protocol", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

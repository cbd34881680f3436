using System.Security.Authentication;

namespace CorsProbing.Http;

/// <summary>Describes why a request got no response, in words an API owner can act on.</summary>
internal static class TransportErrors
{
    /// <summary>The guard's refusal inside <paramref name="exception"/>, or null when the failure is something else.</summary>
    public static Safety.BlockedAddressException? Blocked(Exception exception) =>
        exception as Safety.BlockedAddressException ?? (exception.InnerException is { } inner ? Blocked(inner) : null);

    /// <summary>Whether <paramref name="exception"/> says no connection could be made: a name that does not resolve, a refused connection, a failed TLS handshake.</summary>
    public static bool NoConnection(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError }
        || (exception.InnerException is { } inner && NoConnection(inner));

    /// <summary>Why <paramref name="exception"/> ended a request, with the messages of its inner exceptions.</summary>
    public static string Describe(Exception exception)
    {
        var kind = exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name does not resolve (DNS)",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "the connection failed",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "the TLS handshake failed",
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "the server closed the connection before a complete response",
            HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } => "the server's answer is not valid HTTP",
            HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => "the response headers exceed the size limit",
            HttpRequestException => "the request failed",
            _ => $"the transport threw {exception.GetType().Name}",
        };

        var details = new StringBuilder();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException or AuthenticationException or HttpRequestException or IOException || current == exception)
            {
                if (details.Length > 0)
                {
                    details.Append(" → ");
                }

                details.Append(current.Message.AsSpan().Trim().TrimEnd('.'));
            }
        }

        return $"{kind} ({details}).";
    }
}

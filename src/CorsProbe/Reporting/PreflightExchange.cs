using CorsProbing.Evaluation;
using CorsProbing.Http;

namespace CorsProbing;

/// <summary>One preflight as it happened: the request sent and the raw response (or why none arrived).</summary>
public sealed class PreflightExchange
{
    private readonly PreflightContext _context;
    private IReadOnlyList<KeyValuePair<string, string>>? _requestHeaders;

    internal PreflightExchange(
        in PreflightContext context,
        IReadOnlyList<KeyValuePair<string, string>>? requestHeaders,
        int? statusCode,
        string? reasonPhrase,
        IReadOnlyList<KeyValuePair<string, string>> responseHeaders,
        TimeSpan elapsed,
        string? error,
        PreflightExchange? actualRequest = null)
    {
        ActualRequest = actualRequest;
        _context = context;
        _requestHeaders = requestHeaders;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        ResponseHeaders = responseHeaders;
        Elapsed = elapsed;
        Error = error;
    }

    /// <summary>The required method this preflight asks about, normalized (the <c>Access-Control-Request-Method</c> value).</summary>
    public string Method => _context.Method;

    /// <summary>The URL the <c>OPTIONS</c> request was sent to.</summary>
    public Uri Url => _context.RequestUri;

    /// <summary>Whether a browser would send this preflight at all; when <see langword="false"/>, CorsProbe sent it anyway (note <c>CORS102</c>).</summary>
    public bool BrowserSendsPreflight => _context.BrowserSendsPreflight;

    /// <summary>The header lines sent, in order (<c>Accept</c>, <c>Access-Control-Request-Method</c>, <c>-Headers</c>, <c>Origin</c>, <c>User-Agent</c>).</summary>
    // Derived from the preflight's description on first use: building the report must not pay for it.
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders =>
        _requestHeaders ??= Array.AsReadOnly(PreflightRequestFactory.HeadersFor(_context));

    /// <summary>The response status, or <see langword="null"/> when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The response's reason phrase, or <see langword="null"/>.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The raw response header lines as received (repeated lines kept), or empty when no response arrived.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; }

    /// <summary>Time from sending the request to receiving the response headers (or giving up).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Why no response arrived (DNS, connection, TLS, timeout), or <see langword="null"/> when one did.</summary>
    public string? Error { get; }

    /// <summary>
    /// For a <c>GET</c> or <c>HEAD</c> a browser sends without a preflight: the actual request CorsProbe also sent (headers
    /// only, the body is never read), whose <c>Access-Control-Allow-Origin</c> the Browser profile judges, as browsers do.
    /// <see langword="null"/> for preflighted requests, for <c>POST</c> (CorsProbe never sends one), and when the actual
    /// request got no response (the <c>OPTIONS</c> answer then stands in for it).
    /// </summary>
    public PreflightExchange? ActualRequest { get; }

    /// <summary>The value of the first request header named <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">A header name such as <c>Access-Control-Request-Headers</c>.</param>
    /// <returns>The value sent, or <see langword="null"/> when the header was not sent.</returns>
    public string? RequestHeader(string name)
    {
        foreach (var header in RequestHeaders)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}

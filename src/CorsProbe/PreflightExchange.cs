namespace CorsProbing;

/// <summary>One request as it happened: the request sent and the raw response (or why none arrived).</summary>
public sealed class PreflightExchange
{
    internal PreflightExchange(
        string method,
        Uri url,
        bool browserSendsPreflight,
        IReadOnlyList<KeyValuePair<string, string>> requestHeaders,
        ResponseSnapshot? response,
        TimeSpan elapsed,
        ExchangeFailure? failure,
        PreflightExchange? actualRequest = null)
    {
        Method = method;
        Url = url;
        BrowserSendsPreflight = browserSendsPreflight;
        RequestHeaders = requestHeaders;
        Response = response;
        ResponseHeaders = response is null ? [] : Array.AsReadOnly(response.Lines);
        Elapsed = elapsed;
        Failure = failure;
        ActualRequest = actualRequest;
    }

    /// <summary>The required method this preflight asks about, normalized (the <c>Access-Control-Request-Method</c> value).</summary>
    public string Method { get; }

    /// <summary>The URL the request was sent to.</summary>
    public Uri Url { get; }

    /// <summary>Whether a browser would send this preflight at all; when <see langword="false"/>, CorsProbe sent it anyway (note <c>CORS102</c>).</summary>
    public bool BrowserSendsPreflight { get; }

    /// <summary>The header lines sent, in order (<c>Accept</c>, <c>Access-Control-Request-Method</c>, <c>-Headers</c>, <c>Origin</c>, <c>User-Agent</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; }

    /// <summary>The response status, or <see langword="null"/> when no response arrived.</summary>
    public int? StatusCode => Response?.Status;

    /// <summary>The response's reason phrase, or <see langword="null"/>.</summary>
    public string? ReasonPhrase => Response?.ReasonPhrase;

    /// <summary>The raw response header lines as received (repeated lines kept), or empty when no response arrived.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; }

    /// <summary>Time from sending the request to receiving the response headers (or giving up).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Why no response arrived (DNS, connection, TLS, timeout), or <see langword="null"/> when one did.</summary>
    public string? Error => Failure?.Description;

    /// <summary>
    /// For a <c>GET</c> or <c>HEAD</c> a browser sends without a preflight: the actual request CorsProbe also sent (headers
    /// only, the body is never read), whose <c>Access-Control-Allow-Origin</c> the Browser profile judges, as browsers do.
    /// <see langword="null"/> for preflighted requests, for <c>POST</c> (CorsProbe never sends one), and when the actual
    /// request got no response (the <c>OPTIONS</c> answer then stands in for it).
    /// </summary>
    public PreflightExchange? ActualRequest { get; }

    /// <summary>The response as evaluation reads it, or <see langword="null"/> when none arrived.</summary>
    internal ResponseSnapshot? Response { get; }

    /// <summary>Why no response arrived, or <see langword="null"/>.</summary>
    internal ExchangeFailure? Failure { get; }

    /// <summary>The value of the first request header named <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">A header name such as <c>Access-Control-Request-Headers</c>.</param>
    /// <returns>The value sent, or <see langword="null"/> when the header was not sent.</returns>
    public string? RequestHeader(string name) =>
        RequestHeaders.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

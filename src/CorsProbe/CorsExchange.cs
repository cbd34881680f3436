using CorsProbing.Http;

namespace CorsProbing;

/// <summary>One request as it happened: the request sent and the raw response (or why none arrived).</summary>
public sealed class CorsExchange
{
    internal CorsExchange(
        string method,
        Uri url,
        bool browserSendsPreflight,
        IReadOnlyList<KeyValuePair<string, string>> requestHeaders,
        ResponseSnapshot? response,
        TimeSpan elapsed,
        ExchangeFailure? failure,
        ExchangeKind kind = ExchangeKind.Preflight,
        CorsExchange? actualRequest = null,
        CorsEvidence evidence = CorsEvidence.None,
        IReadOnlyList<CorsExchange>? redirects = null,
        EngineSet engines = default,
        Evaluation.EngineMaxAges maxAges = default)
    {
        Method = method;
        Engines = engines.IsEmpty || engines == EngineSet.All ? BrowserEngine.All : [.. engines.Engines];
        Url = url;
        BrowserSendsPreflight = browserSendsPreflight;
        RequestHeaders = requestHeaders;
        Response = response;
        ResponseHeaders = response is null ? [] : Array.AsReadOnly(response.Lines);
        Elapsed = elapsed;
        Failure = failure;
        Kind = kind;
        ActualRequest = actualRequest;
        Evidence = evidence;
        Redirects = redirects ?? [];
        MaxAges = maxAges;
    }

    /// <summary>
    /// The response head was read from its raw bytes, by browsers' parsing rules (CorsProbe's own transport does). False
    /// when no response arrived, or when a handler or client you supplied parsed it: then what .NET's parser normalizes
    /// or tolerates (a NUL byte, a bare CR, two different <c>Content-Length</c> values) cannot be seen, and the verdict
    /// takes the headers as that parser gave them.
    /// </summary>
    public bool RawBytesRead => Response?.RawBytesRead ?? Failure?.RawBytesRead ?? false;

    /// <summary>
    /// The engines that send this request: all three, unless they name the request's headers differently (a header
    /// only some engines forbid or safelist), in which case CorsProbe sends each form and judges each answer.
    /// </summary>
    public IReadOnlyList<BrowserEngine> Engines { get; }

    /// <summary>
    /// How long <paramref name="engine"/> keeps this preflight's answer in its preflight cache when the preflight passes,
    /// by the engine's reading of <c>Access-Control-Max-Age</c> (its default, its limit, and what it does with a value
    /// that is not a plain number); zero when no response arrived.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <returns>The time; zero when the engine does not cache it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public TimeSpan PreflightCacheTime(BrowserEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return Response is null ? TimeSpan.Zero : TimeSpan.FromSeconds(MaxAges.For(engine).Seconds);
    }

    /// <summary>
    /// The method sent: for a preflight, the required method it asks about, normalized (the
    /// <c>Access-Control-Request-Method</c> value); for the request nested in <see cref="ActualRequest"/>, <c>GET</c> or <c>HEAD</c>.
    /// </summary>
    public string Method { get; }

    /// <summary>What the request was sent for: the preflight, the actual GET/HEAD, or a stand-in GET.</summary>
    public ExchangeKind Kind { get; }

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
    /// The request CorsProbe sent after this preflight (or, for a request browsers send without a preflight, beside it),
    /// to see the response browsers judge next: the actual <c>GET</c>/<c>HEAD</c> itself (<see cref="ExchangeKind.ActualRequest"/>),
    /// or for any other method a stand-in <c>GET</c> (<see cref="ExchangeKind.StandIn"/>); headers only, the body is never
    /// read. It is sent when browsers would get past the preflight; <see langword="null"/> when they would not, when no
    /// preflight answer arrived, or when the caller allowed only OPTIONS (<see cref="CorsProbeBuilder.WithoutActualRequests"/>).
    /// </summary>
    public CorsExchange? ActualRequest { get; }

    /// <summary>
    /// The requests sent after <see cref="ActualRequest"/> was redirected, in order, as <c>fetch()</c> follows redirects
    /// in CORS mode: each request a redirect led to (the next <c>Location</c>), and before it the preflight browsers send
    /// at the new URL when the request still needs one (<see cref="Kind"/> <see cref="ExchangeKind.Preflight"/>). Empty
    /// when nothing was redirected.
    /// </summary>
    public IReadOnlyList<CorsExchange> Redirects { get; }

    /// <summary>What the Browser verdict for <see cref="Method"/> rests on (on the preflight exchange; None on a nested one).</summary>
    public CorsEvidence Evidence { get; }

    /// <summary>The response as evaluation reads it, or <see langword="null"/> when none arrived.</summary>
    internal ResponseSnapshot? Response { get; }

    /// <summary>Why no response arrived, or <see langword="null"/>.</summary>
    internal ExchangeFailure? Failure { get; }

    /// <summary>Each engine's reading of the answer's <c>Access-Control-Max-Age</c>, as the evaluation made it (a preflight's answer only).</summary>
    internal Evaluation.EngineMaxAges MaxAges { get; }

    /// <summary>The value of the first request header named <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">A header name such as <c>Access-Control-Request-Headers</c>.</param>
    /// <returns>The value sent, or <see langword="null"/> when the header was not sent.</returns>
    public string? RequestHeader(string name) =>
        RequestHeaders.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

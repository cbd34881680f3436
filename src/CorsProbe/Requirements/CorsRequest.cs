namespace CorsProbing.Requirements;

/// <summary>
/// One cross-origin request as the page makes it: the facts its responses are judged against, the preflight's (which
/// asks for this method and these headers) and those of the requests after it (the actual GET/HEAD or a stand-in, each
/// redirect hop, which <see cref="Http.RedirectStep"/> forms anew).
/// </summary>
/// <param name="RequestUri">The URL the request is sent to.</param>
/// <param name="Origin">The serialized origin sent in <c>Origin</c>.</param>
/// <param name="Method">The normalized method sent in <c>Access-Control-Request-Method</c>.</param>
/// <param name="UnsafeHeaderNames">The lower-cased, sorted CORS-unsafe header names sent in <c>Access-Control-Request-Headers</c>.</param>
/// <param name="Credentials">Credentials mode "include".</param>
/// <param name="SendsFollowUp">Whether the GET/HEAD after the preflight is sent at all (the caller may allow OPTIONS only).</param>
/// <param name="SendsActual">Whether the request after the preflight is the actual one for every method (the caller asked for certainty), not a stand-in GET.</param>
internal readonly record struct CorsRequest(
    Uri RequestUri,
    string Origin,
    string Method,
    string[] UnsafeHeaderNames,
    bool Credentials,
    bool SendsFollowUp = true,
    bool SendsActual = false)
{
    /// <summary>The engines that send this preflight (the others name the request's headers differently).</summary>
    public EngineSet Engines { get; init; } = EngineSet.All;

    /// <summary>Whether a browser sends a preflight for this request at all (Fetch "HTTP fetch": unsafe method or headers).</summary>
    public bool BrowserSendsPreflight => UnsafeHeaderNames.Length > 0 || !HttpMethods.IsSafelisted(Method);

    /// <summary>
    /// The request CorsProbe sends after the OPTIONS request, to see the response a browser judges next: the actual
    /// request for GET and HEAD, and for every method when the caller asked for the actual requests; else a stand-in
    /// GET of the same URL (by default CorsProbe never sends an unsafe method); <see langword="null"/> when the caller
    /// allows only OPTIONS.
    /// </summary>
    public ExchangeKind? FollowUp => !SendsFollowUp ? null : Method is "GET" or "HEAD" || SendsActual ? ExchangeKind.ActualRequest : ExchangeKind.StandIn;

    /// <summary>
    /// Whether the follow-up is the actual GET/HEAD of a request browsers send without a preflight: the one actual
    /// request the audit may repeat from its crafted origins (never an unsafe method, whatever the caller asked).
    /// </summary>
    public bool SendsSimpleActualRequest => !BrowserSendsPreflight && FollowUp == ExchangeKind.ActualRequest && Method is "GET" or "HEAD";
}

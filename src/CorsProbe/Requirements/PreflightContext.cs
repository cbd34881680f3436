namespace CorsProbing.Requirements;

/// <summary>What one preflight asks: the facts its response is judged against.</summary>
/// <param name="RequestUri">The URL the preflight is sent to.</param>
/// <param name="Origin">The serialized origin sent in <c>Origin</c>.</param>
/// <param name="Method">The normalized method sent in <c>Access-Control-Request-Method</c>.</param>
/// <param name="UnsafeHeaderNames">The lower-cased, sorted CORS-unsafe header names sent in <c>Access-Control-Request-Headers</c>.</param>
/// <param name="Credentials">Credentials mode "include".</param>
internal readonly record struct PreflightContext(
    Uri RequestUri,
    string Origin,
    string Method,
    string[] UnsafeHeaderNames,
    bool Credentials)
{
    /// <summary>Whether a browser sends a preflight for this request at all (Fetch "HTTP fetch": unsafe method or headers).</summary>
    public bool BrowserSendsPreflight => UnsafeHeaderNames.Length > 0 || !HttpMethods.IsSafelisted(Method);

    /// <summary>
    /// Whether CorsProbe sends the actual request too: a browser sends no preflight, so it judges the actual response,
    /// and the method is safe (GET or HEAD; CorsProbe never sends another method).
    /// </summary>
    public bool SendsActualRequest => !BrowserSendsPreflight && Method is "GET" or "HEAD";
}

namespace CorsProbing.Evaluation;

/// <summary>What one preflight asked: the facts its response is judged against.</summary>
/// <param name="RequestUri">The URL the preflight was sent to.</param>
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
    public bool BrowserSendsPreflight => UnsafeHeaderNames.Length > 0 || !Requirements.HttpMethods.IsSafelisted(Method);
}

namespace CorsProbing.Http;

/// <summary>
/// Fetch "HTTP-redirect fetch" in CORS mode, as Chromium applies it (cors_url_loader.cc OnReceiveRedirect): where the
/// request browsers send next goes, from which origin, with which method and headers — or why browsers stop. Pure.
/// </summary>
internal static class RedirectStep
{
    /// <summary>Fetch's limit: the 21st redirect is a network error.</summary>
    public const int MaxRedirects = 20;

    private static readonly string[] RequestBodyHeaderNames = ["Content-Encoding", "Content-Language", "Content-Location", "Content-Type"];

    /// <summary>
    /// The request after a redirect of the one <paramref name="current"/> describes: <paramref name="status"/> and the
    /// <c>Location</c> value <paramref name="location"/> came back, after <paramref name="redirects"/> earlier redirects.
    /// </summary>
    /// <param name="current">The request that was redirected; its method is the one the page asked for.</param>
    /// <param name="headers">The page's headers that request carried.</param>
    /// <param name="pageOrigin">The page's own origin (the request's origin, never tainted).</param>
    /// <param name="status">The redirect status.</param>
    /// <param name="location">The <c>Location</c> value, trimmed.</param>
    /// <param name="redirects">How many redirects were followed before this one.</param>
    public static RedirectOutcome Next(in CorsRequest current, IReadOnlyList<AuthorHeader> headers, string pageOrigin, int status, string location, int redirects)
    {
        // Steps 3-4: the Location must parse against the current URL, to an HTTP(S) URL.
        if (!Uri.TryCreate(current.RequestUri, location, out var next) || !next.IsAbsoluteUri)
        {
            return RedirectOutcome.Refused(RedirectRefusal.InvalidLocation, null);
        }

        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
        {
            return RedirectOutcome.Refused(RedirectRefusal.NotHttp, next);
        }

        // Step 5: the 21st redirect fails.
        if (redirects >= MaxRedirects)
        {
            return RedirectOutcome.Refused(RedirectRefusal.TooMany, next);
        }

        // Steps 7-8: a cross-origin (CORS-tainted) request may not be redirected to a URL with credentials.
        if (!string.IsNullOrEmpty(next.UserInfo))
        {
            return RedirectOutcome.Refused(RedirectRefusal.CredentialsInLocation, next);
        }

        // Step 12: 301/302 turn a POST into a GET, 303 turns anything but GET and HEAD into a GET; the body goes.
        var method = current.Method;
        var kept = headers;
        if ((status is 301 or 302 && method == "POST") || (status == 303 && method is not ("GET" or "HEAD")))
        {
            method = "GET";
            kept = [.. kept.Where(h => !RequestBodyHeaderNames.Contains(h.Name, StringComparer.OrdinalIgnoreCase))];
        }

        // Step 13: a cross-origin hop drops Authorization. Step 15: it taints the origin ("null") unless the current
        // URL is the page's own origin.
        var crossOrigin = !SameOrigin(current.RequestUri, next);
        if (crossOrigin)
        {
            kept = [.. kept.Where(h => !h.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))];
        }

        var tainted = current.Origin == SerializedOrigin.Opaque || (crossOrigin && OriginOf(current.RequestUri) != pageOrigin);
        var context = current with
        {
            RequestUri = next,
            Origin = tainted ? SerializedOrigin.Opaque : current.Origin,
            Method = method,
            UnsafeHeaderNames = CorsUnsafeHeaderNames.Compute(kept, current.Engines.Engines.First()),
        };
        return new RedirectOutcome(context, kept, RedirectRefusal.None, next);
    }

    private static bool SameOrigin(Uri a, Uri b) => OriginOf(a) == OriginOf(b);

    // The serialized origin of a URL: scheme://host[:port], the port only when it is not the scheme's default.
    private static string OriginOf(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}

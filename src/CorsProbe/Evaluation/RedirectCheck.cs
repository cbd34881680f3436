using CorsProbing.Http;

namespace CorsProbing.Evaluation;

/// <summary>
/// Whether a response is a redirect browsers follow (Chromium's <c>IsRedirect</c>: 301, 302, 303, 307 or 308 with a
/// non-empty <c>Location</c>), and where it points.
/// </summary>
internal static class RedirectCheck
{
    /// <summary>Whether <paramref name="response"/> is a redirect, or belongs to another URL than the one sent (a handler followed one).</summary>
    public static CorsChecks Check(ResponseSnapshot response, CorsHeaderValues headers, in CorsRequest context)
    {
        var checks = CorsChecks.None;

        // A handler that followed a redirect hides it: the response then belongs to another URL.
        if (response.FinalUrl is { } final && IsAnotherUrl(final, context.RequestUri))
        {
            checks |= CorsChecks.RedirectFollowed;
        }

        // Chromium IsRedirect (net/http/http_response_headers.cc): 301, 302, 303, 307 or 308 with a non-empty Location.
        if (response.Status is 301 or 302 or 303 or 307 or 308 && headers.Location.FirstNonEmpty is not null)
        {
            checks |= CorsChecks.Redirect;
        }

        return checks;
    }

    /// <summary>The first non-empty <c>Location</c> value, trimmed, as Chromium reads it; <see langword="null"/> when none.</summary>
    public static string? RedirectLocation(HeaderValue location) => location.FirstNonEmpty;

    private static bool IsAnotherUrl(Uri final, Uri sent) =>
        !ReferenceEquals(final, sent)
        && !string.Equals(final.OriginalString, sent.OriginalString, StringComparison.Ordinal)
        && !string.Equals(final.AbsoluteUri, sent.AbsoluteUri, StringComparison.Ordinal);
}

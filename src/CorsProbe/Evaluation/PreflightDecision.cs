namespace CorsProbing.Evaluation;

/// <summary>The outcome of evaluating one preflight response: every failed check, and how long it may be cached.</summary>
/// <param name="Checks">The failed checks and warnings.</param>
/// <param name="MaxAge">What <c>Access-Control-Max-Age</c> said.</param>
/// <param name="MaxAgeSeconds">The seconds Chromium caches the result for.</param>
internal readonly record struct PreflightDecision(CorsChecks Checks, MaxAgeKind MaxAge, int MaxAgeSeconds)
{
    /// <summary>Checks that block the request in a browser when it sends a preflight.</summary>
    public const CorsChecks BrowserBlocking =
        CorsChecks.Redirect | CorsChecks.RedirectFollowed | CorsChecks.CorsCheck | CorsChecks.Status
        | CorsChecks.InvalidAllowMethods | CorsChecks.InvalidAllowHeaders | CorsChecks.MethodNotAllowed | CorsChecks.HeaderNotAllowed;

    /// <summary>True when the preflight lets the actual request go in a browser that sends it.</summary>
    public bool PreflightPasses => (Checks & BrowserBlocking) == 0;

    /// <summary>True when <paramref name="check"/> is among the failed checks.</summary>
    public bool Has(CorsChecks check) => (Checks & check) != 0;
}

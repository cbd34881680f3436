using CorsProbing.Http;

namespace CorsProbing.Evaluation;

/// <summary>
/// The evidence of one evaluated response: what it held, how each value compared with the request, and the failed
/// checks, as values (in the manner of ASP.NET Core's <c>CorsResult</c>). Reporting renders findings from this record
/// alone; it never re-reads the response or re-parses a header.
/// </summary>
/// <param name="Response">The response evaluated.</param>
/// <param name="Headers">The value of each CORS header.</param>
/// <param name="Checks">The failed checks and warnings.</param>
/// <param name="Origin">How <c>Access-Control-Allow-Origin</c> compared with the origin.</param>
/// <param name="Methods">What <c>Access-Control-Allow-Methods</c> held (preflights only).</param>
/// <param name="RequestHeaders">What <c>Access-Control-Allow-Headers</c> held (preflights only).</param>
/// <param name="MaxAges">How long each engine caches the preflight, and why (preflights only).</param>
internal readonly record struct ResponseEvaluation(
    ResponseSnapshot Response,
    CorsHeaderValues Headers,
    CorsChecks Checks,
    OriginMatch Origin,
    AllowMethodsEvidence Methods,
    AllowHeadersEvidence RequestHeaders,
    EngineMaxAges MaxAges)
{
    /// <summary>Checks that block the request in a browser when it sends a preflight.</summary>
    public const CorsChecks PreflightBlocking =
        CorsChecks.Redirect | CorsChecks.RedirectFollowed | CorsChecks.CorsCheck | CorsChecks.Status
        | CorsChecks.InvalidAllowMethods | CorsChecks.InvalidAllowHeaders | CorsChecks.MethodNotAllowed | CorsChecks.HeaderNotAllowed;

    /// <summary>True for the record of no response (the default value): it has no failed checks.</summary>
    public bool IsAbsent => Response is null;

    /// <summary>True when the preflight lets the actual request go in a browser that sends it.</summary>
    public bool PreflightPasses => (Checks & PreflightBlocking) == 0;

    /// <summary>
    /// True when the CORS check fails only on <c>Access-Control-Allow-Credentials</c> sent as <c>true</c> and empty lines,
    /// which engines that join without empty lines (Firefox) accept.
    /// </summary>
    public bool FailsOnlyOnEmptyCredentialsLines =>
        (Checks & PreflightBlocking) == CorsChecks.AllowCredentials && Has(CorsChecks.AllowCredentialsApartFromEmptyLines);

    /// <summary>True when the preflight lets the actual request go in one of <paramref name="engines"/> at least.</summary>
    public bool PreflightPassesIn(EngineSet engines) =>
        PreflightPasses || (FailsOnlyOnEmptyCredentialsLines && engines.Overlaps(EngineSet.JoiningWithoutEmptyLines));

    /// <summary>True when the CORS check proper (origin and credentials) passes.</summary>
    public bool CorsCheckPasses => (Checks & CorsChecks.CorsCheck) == 0;

    /// <summary>True when <paramref name="check"/> is among the failed checks.</summary>
    public bool Has(CorsChecks check) => (Checks & check) != 0;
}

using CorsProbing.Evaluation;
using CorsProbing.Evidence;
using CorsProbing.Http;

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS018: browsers stop at a redirect of the request after the preflight (Fetch "HTTP-redirect fetch": a
/// <c>Location</c> that is not an HTTP(S) URL, more than 20 redirects, credentials in the URL, or a failing preflight at
/// the new URL); a redirect the handler followed itself hides its hops. CORS109: the redirects CorsProbe followed.
/// The CORS check of each redirect is CorsCheckRule's.
/// </summary>
internal static class RedirectChainRule
{
    public const string StopsTitle = "Redirect stops the request";
    public const string FollowedTitle = "Redirects followed";

    private const CorsChecks PreflightOnly = ResponseEvaluation.PreflightBlocking & ~CorsChecks.CorsCheck;

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        var chain = evidence.FollowUps;
        if (chain.First is null)
        {
            return;
        }

        if (chain.Refusal != RedirectRefusal.None)
        {
            findings.Add(Stops(evidence, Refusal(evidence, chain)));
        }

        foreach (var hop in chain.Redirects)
        {
            if (hop.IsPreflight && !hop.Evaluation.IsAbsent && hop.Evaluation.Has(PreflightOnly))
            {
                findings.Add(Stops(evidence, $"The preflight browsers send to {hop.Context.RequestUri.OriginalString} after the redirect (for {hop.Context.Method}{Headers(hop)}) fails: HTTP {hop.Evaluation.Response.Status}, {Describe(hop.Evaluation.Checks & PreflightOnly)}."));
            }
        }

        if (evidence.Actual.Has(CorsChecks.RedirectFollowed))
        {
            findings.Add(evidence.Draft(CorsFindingCodes.RedirectStops, StopsTitle, FindingScope.ActualResponse, CorsSeverity.Warning,
                $"The handler followed a redirect of the {chain.First.Method} itself (to {evidence.Actual.Response.FinalUrl?.OriginalString}), so the hops are hidden: browsers check the CORS headers of every redirect, and a cross-origin hop turns the origin into `null`.",
                "Probe through a handler that does not follow redirects (CorsProbe's default transport does not) to see each hop."));
        }

        if (chain.Redirects.Count > 0 && chain.Redirects.Where(hop => !hop.IsPreflight).Select(hop => hop.Context).ToList() is { Count: > 0 } followed)
        {
            var tainted = followed[^1].Origin != evidence.Context.Origin ? "; after the cross-origin hop the request's origin is `null`" : string.Empty;
            findings.Add(evidence.Draft(CorsFindingCodes.RedirectsFollowed, FollowedTitle, FindingScope.Everyone, CorsSeverity.Info,
                $"The {chain.First.Method} was redirected; CorsProbe followed it as fetch() does, checking each redirect: {evidence.Context.RequestUri.OriginalString} → {string.Join(" → ", followed.Select(c => c.RequestUri.OriginalString))}{tainted}.",
                null));
        }
    }

    private static FindingDraft Stops(MethodEvidence evidence, string message) =>
        evidence.Draft(CorsFindingCodes.RedirectStops, StopsTitle, FindingScope.ActualResponse, CorsSeverity.Error, message,
            "Point the API's URL at its final location, so that no redirect is needed; a redirect browsers follow must itself carry the CORS headers.");

    private static string Refusal(MethodEvidence evidence, FollowUpChain chain)
    {
        var last = chain.Redirects.LastOrDefault(hop => !hop.IsPreflight)?.Evaluation ?? evidence.Actual;
        var location = RedirectCheck.RedirectLocation(last.Headers.Location);
        return chain.Refusal switch
        {
            RedirectRefusal.InvalidLocation => $"A redirect's Location `{location}` is not a URL; browsers fail the request.",
            RedirectRefusal.NotHttp => $"A redirect points to {chain.RefusedLocation?.OriginalString}, which is not an http: or https: URL; browsers fail the request.",
            RedirectRefusal.TooMany => $"The request was redirected more than 20 times (the 21st redirect points to {chain.RefusedLocation?.OriginalString}); browsers give up.",
            _ => $"A redirect points to a URL with a user name or password ({location}); browsers fail a cross-origin request redirected there.",
        };
    }

    private static string Headers(FollowUpHop hop) =>
        hop.Context.UnsafeHeaderNames.Length == 0 ? string.Empty : " with " + string.Join(", ", hop.Context.UnsafeHeaderNames);

    private static string Describe(CorsChecks checks) => string.Join(", ", new (CorsChecks Check, string Words)[]
    {
        (CorsChecks.Redirect | CorsChecks.RedirectFollowed, "redirected"),
        (CorsChecks.Status, "not an ok status"),
        (CorsChecks.InvalidAllowMethods, "Access-Control-Allow-Methods malformed"),
        (CorsChecks.InvalidAllowHeaders, "Access-Control-Allow-Headers malformed"),
        (CorsChecks.MethodNotAllowed, "the method not allowed"),
        (CorsChecks.HeaderNotAllowed, "a header not allowed"),
    }.Where(entry => (checks & entry.Check) != 0).Select(entry => entry.Words));
}

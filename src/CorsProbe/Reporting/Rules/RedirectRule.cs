using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>CORS004: the preflight was redirected (Fetch "CORS-preflight fetch": a redirect is a network error).</summary>
internal static class RedirectRule
{
    public const string Title = "Preflight was redirected";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (!evidence.PreflightHas(CorsChecks.Redirect | CorsChecks.RedirectFollowed))
        {
            return;
        }

        var preflight = evidence.Preflight;

        if (preflight.Has(CorsChecks.RedirectFollowed))
        {
            findings.Add(evidence.Draft(
                CorsFindingCodes.Redirect,
                Title,
                FindingScope.Preflight,
                CorsSeverity.Error,
                $"The HttpMessageHandler followed a redirect from {evidence.Context.RequestUri.OriginalString} to {preflight.Response.FinalUrl}; browsers never follow redirects for preflights.{evidence.NoPreflightNote}",
                "Probe the final URL directly, and configure the API to answer OPTIONS without a redirect (for example, no http→https or trailing-slash redirect on the API path)."));
        }

        if (preflight.Has(CorsChecks.Redirect))
        {
            findings.Add(evidence.Draft(
                CorsFindingCodes.Redirect,
                Title,
                FindingScope.Preflight,
                CorsSeverity.Error,
                $"The preflight answered {preflight.Response.Status} with `Location: {preflight.Headers.Location.Combined}`; browsers never follow redirects for preflights.{evidence.NoPreflightNote}",
                "Use the final URL, or answer OPTIONS on this URL directly instead of redirecting (http→https and trailing-slash redirects are the usual causes)."));
        }
    }
}

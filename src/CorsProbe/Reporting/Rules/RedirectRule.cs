using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>CORS004: the preflight was redirected (Fetch "CORS-preflight fetch": a redirect is a network error).</summary>
internal static class RedirectRule
{
    public const string Title = "Preflight was redirected";

    public static void Apply(PreflightReading reading, List<FindingDraft> findings)
    {
        if (!reading.PreflightHas(CorsChecks.Redirect | CorsChecks.RedirectFollowed))
        {
            return;
        }

        var preflight = reading.Preflight;

        if (preflight.Has(CorsChecks.RedirectFollowed))
        {
            findings.Add(reading.Draft(
                CorsFindingCodes.Redirect,
                Title,
                FindingScope.Preflight,
                CorsSeverity.Error,
                $"The HttpMessageHandler followed a redirect from {reading.Context.RequestUri.OriginalString} to {preflight.Response.FinalUrl}; browsers never follow redirects for preflights.{reading.NoPreflightNote}",
                "Probe the final URL directly, and configure the API to answer OPTIONS without a redirect (for example, no http→https or trailing-slash redirect on the API path)."));
        }

        if (preflight.Has(CorsChecks.Redirect))
        {
            findings.Add(reading.Draft(
                CorsFindingCodes.Redirect,
                Title,
                FindingScope.Preflight,
                CorsSeverity.Error,
                $"The preflight answered {preflight.Response.Status} with `Location: {preflight.Headers.Location.Combined}`; browsers never follow redirects for preflights.{reading.NoPreflightNote}",
                "Give the platform the final URL, or answer OPTIONS on this URL directly instead of redirecting (http→https and trailing-slash redirects are the usual causes)."));
        }
    }
}

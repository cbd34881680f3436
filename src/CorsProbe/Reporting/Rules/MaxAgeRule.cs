using System.Globalization;
using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>CORS104: <c>Access-Control-Max-Age</c> is missing, invalid, negative or above Chromium's cap, for a preflight that passes.</summary>
internal static class MaxAgeRule
{
    public const string Title = "Access-Control-Max-Age";

    public static void Apply(PreflightReading reading, List<FindingDraft> findings)
    {
        if (!reading.Context.BrowserSendsPreflight || reading.Exchange.Response is null || !reading.Preflight.PreflightPassesIn(reading.Context.Engines))
        {
            return;
        }

        ref readonly var preflight = ref reading.Preflight;
        if (preflight.MaxAge == MaxAgeKind.Valid)
        {
            return;
        }

        var described = HeaderText.Describe(CorsHeaderNames.MaxAge, preflight.Headers.MaxAge);
        var seconds = preflight.MaxAgeSeconds.ToString(CultureInfo.InvariantCulture);
        (CorsSeverity Severity, string Message) finding = preflight.MaxAge switch
        {
            MaxAgeKind.Missing => (CorsSeverity.Info, $"The response has no Access-Control-Max-Age header: Chromium caches the preflight for {seconds} s, so most calls pay for a second round trip."),
            MaxAgeKind.Invalid => (CorsSeverity.Warning, $"{described} is not an integer number of seconds: Chromium falls back to {seconds} s."),
            MaxAgeKind.Negative => (CorsSeverity.Warning, $"{described} is negative: Chromium does not cache the preflight ({seconds} s)."),
            _ => (CorsSeverity.Info, $"{described} exceeds Chromium's limit: it caches the preflight for {seconds} s (2 hours); Firefox allows 24 hours, WebKit 10 minutes."),
        };

        findings.Add(reading.Draft(
            CorsFindingCodes.MaxAge,
            Title,
            FindingScope.Everyone,
            finding.Severity,
            finding.Message,
            "Send `Access-Control-Max-Age: 7200` (or the time your CORS policy may stay cached) so browsers reuse the preflight."));
    }
}

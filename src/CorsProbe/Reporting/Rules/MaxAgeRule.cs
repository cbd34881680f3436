using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS104: how long each engine keeps a preflight that passes, when <c>Access-Control-Max-Age</c> is missing, or when
/// an engine ignores or caps the value sent.
/// </summary>
internal static class MaxAgeRule
{
    public const string Title = "Access-Control-Max-Age";

    private const string Remedy = "Send `Access-Control-Max-Age: 600` (or the time your CORS policy may stay cached, up to 10 minutes for Safari and 2 hours for Chrome) so browsers reuse the preflight.";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (!evidence.Context.BrowserSendsPreflight || evidence.Exchange.Response is null || !evidence.Preflight.PreflightPassesIn(evidence.Context.Engines))
        {
            return;
        }

        var preflight = evidence.Preflight;
        var field = preflight.Headers.MaxAge;
        if (field.IsAbsent)
        {
            findings.Add(evidence.Draft(CorsFindingCodes.MaxAge, Title, FindingScope.Everyone, CorsSeverity.Info,
                $"The response has no Access-Control-Max-Age header: browsers cache the preflight for {BrowserEngine.Chromium.DefaultMaxAge.TotalSeconds} s, so most calls pay for a second round trip.",
                Remedy));
            return;
        }

        // Each engine's reading, grouped: "Chrome/Edge: cached for 2 hours (the most kept there); Safari: ...".
        var maxAges = preflight.MaxAges;
        if (maxAges.AllValidIn(evidence.Context.Engines))
        {
            return;
        }

        findings.Add(evidence.Draft(CorsFindingCodes.MaxAge, Title, FindingScope.Everyone, CorsSeverity.Warning,
            $"{HeaderText.Describe(CorsHeaderNames.MaxAge, field)}: {string.Join("; ", Parts(evidence.Context.Engines, maxAges))}.", Remedy));
    }

    private static IEnumerable<string> Parts(EngineSet engines, EngineMaxAges maxAges) =>
        engines.Engines.GroupBy(maxAges.For).Select(group => Part(EngineSet.Of(group), group.Key));

    // "Firefox: not cached (not a plain number of seconds)", "Safari: cached for 10 minutes (the most kept there)".
    private static string Part(EngineSet engines, EngineMaxAge maxAge)
    {
        var kept = maxAge.Seconds == 0 ? "not cached" : $"cached for {Duration(maxAge.Seconds)}";
        var why = maxAge.Kind switch
        {
            MaxAgeKind.Invalid when maxAge.Seconds == 0 => " (not a plain number of seconds)",
            MaxAgeKind.Invalid => " (not a plain number of seconds: the default)",
            MaxAgeKind.Missing => " (empty: the default)",
            MaxAgeKind.Negative => " (negative)",
            MaxAgeKind.Capped => " (the most kept there)",
            _ => string.Empty,
        };
        return $"{engines.Browsers}: {kept}{why}";
    }

    private static string Duration(long seconds) => seconds switch
    {
        >= 3600 when seconds % 3600 == 0 => $"{seconds / 3600} hour{(seconds == 3600 ? string.Empty : "s")}",
        >= 60 when seconds % 60 == 0 => $"{seconds / 60} minute{(seconds == 60 ? string.Empty : "s")}",
        _ => $"{seconds} s",
    };
}

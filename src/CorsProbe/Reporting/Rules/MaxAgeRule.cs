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

    public static void Apply(PreflightReading reading, List<FindingDraft> findings)
    {
        if (!reading.Context.BrowserSendsPreflight || reading.Exchange.Response is null || !reading.Preflight.PreflightPassesIn(reading.Context.Engines))
        {
            return;
        }

        ref readonly var preflight = ref reading.Preflight;
        if (preflight.MaxAge == MaxAgeKind.Missing)
        {
            findings.Add(reading.Draft(CorsFindingCodes.MaxAge, Title, FindingScope.Everyone, CorsSeverity.Info,
                $"The response has no Access-Control-Max-Age header: browsers cache the preflight for {MaxAge.DefaultSeconds} s, so most calls pay for a second round trip.",
                Remedy));
            return;
        }

        // Each engine's reading, grouped: "Chrome/Edge: cached for 2 hours (the most kept there); Safari: ...".
        var field = preflight.Headers.MaxAge;
        var engines = reading.Context.Engines.Engines.ToList();
        var sent = ToSeconds(field);
        var readings = engines.Select(engine => (Engine: engine, Seconds: MaxAge.SecondsIn(field, engine))).ToList();
        if (readings.TrueForAll(r => sent == r.Seconds))
        {
            return;
        }

        var described = HeaderText.Describe(CorsHeaderNames.MaxAge, field);
        var parts = readings
            .GroupBy(r => r.Seconds)
            .Select(group => Part(EngineSet.Of(group.Select(r => r.Engine)), group.Key, sent, group.First().Engine));
        findings.Add(reading.Draft(CorsFindingCodes.MaxAge, Title, FindingScope.Everyone, CorsSeverity.Warning,
            $"{described}: {string.Join("; ", parts)}.", Remedy));
    }

    // The value as sent, when it is a plain number of seconds, else null.
    private static long? ToSeconds(HeaderField field) =>
        field.TryGetSingle(out var value) && !value.IsEmpty && !value.ContainsAnyExceptInRange('0', '9')
            ? long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : long.MaxValue
            : null;

    // "Firefox: not cached (not a plain number of seconds)", "Safari: 10 minutes (the most it keeps)".
    private static string Part(EngineSet engines, long seconds, long? sent, BrowserEngine engine)
    {
        var kept = seconds == 0 ? "not cached" : $"cached for {Duration(seconds)}";
        var why = sent switch
        {
            null when seconds == 0 && engine.DisablesCacheOnInvalidMaxAge => " (not a plain number of seconds)",
            null when seconds == 0 => " (negative)",
            null when seconds == (long)engine.DefaultMaxAge.TotalSeconds => " (not a plain number of seconds: the default)",
            _ when seconds < sent => " (the most kept there)",
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

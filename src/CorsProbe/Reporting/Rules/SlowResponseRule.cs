namespace CorsProbing.Reporting.Rules;

/// <summary>CORS002 for an answer that arrived, but after a profile's time limit: that profile's check has given up.</summary>
internal static class SlowResponseRule
{
    public static void Apply(PreflightReading reading, List<FindingDraft> findings)
    {
        var elapsed = reading.Exchange.Elapsed;
        if (reading.Preflight is null)
        {
            return;
        }

        var limits = reading.Probe.Profiles
            .Where(p => p.TimeLimit is { } limit && elapsed > limit)
            .Select(p => $"{p.Subject} gives up after {Durations.Seconds(p.TimeLimit!.Value)}")
            .ToList();
        if (limits.Count == 0)
        {
            return;
        }

        findings.Add(reading.Draft(
            CorsFindingCodes.Timeout,
            TransportFailureRule.TimeoutTitle,
            FindingScope.Duration,
            CorsSeverity.Error,
            $"The preflight took {Durations.Seconds(elapsed)}; {string.Join("; ", limits)}.",
            "Make OPTIONS answer within a few hundred milliseconds: answer it before authentication and slow middleware.") with { Elapsed = elapsed });
    }
}

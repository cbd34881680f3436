namespace CorsProbing.Reporting.Rules;

/// <summary>CORS002 for an answer that arrived, but after a profile's time limit: that profile's check has given up.</summary>
internal static class SlowResponseRule
{
    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        var elapsed = evidence.Exchange.Elapsed;
        if (evidence.Exchange.Response is null || elapsed <= ProfileJudgement.ShortestTimeLimit(evidence.Probe.Profiles))
        {
            return;
        }

        findings.Add(evidence.Draft(
            CorsFindingCodes.Timeout,
            TransportFailureRule.TimeoutTitle,
            FindingScope.Duration,
            CorsSeverity.Error,
            $"The preflight took {Durations.Seconds(elapsed)}; {Limits(evidence.Probe.Profiles, elapsed)}.",
            "Make OPTIONS answer within a few hundred milliseconds: answer it before authentication and slow middleware.") with { Elapsed = elapsed });
    }

    private static string Limits(IReadOnlyList<CorsProfile> profiles, TimeSpan elapsed) => string.Join("; ", profiles
        .Where(p => p.TimeLimit is { } limit && elapsed > limit)
        .Select(p => $"{p.Subject} gives up after {Durations.Seconds(p.TimeLimit!.Value)}"));
}

using CorsProbing.Reporting.Rules;

namespace CorsProbing.Reporting;

/// <summary>Assembles the immutable report from the evidence: runs the rules, judges every profile, orders findings.</summary>
internal static class ReportBuilder
{
    /// <summary>The profiles a report judges: the built-in ones, then <paramref name="chosen"/> when it is another.</summary>
    public static IReadOnlyList<CorsProfile> JudgedProfiles(CorsProfile chosen) =>
        CorsProfile.BuiltIn.Contains(chosen) ? CorsProfile.BuiltIn : [.. CorsProfile.BuiltIn, chosen];

    /// <summary>Builds the report of <paramref name="readings"/>, one per required method.</summary>
    public static CorsReport Build(
        ProbeFacts probe, CorsProfile chosen, IReadOnlyList<PreflightReading> readings, TimeSpan elapsed, AuditResult? audit = null)
    {
        var drafts = new List<FindingDraft>();
        var exchanges = new PreflightExchange[readings.Count];
        for (var i = 0; i < readings.Count; i++)
        {
            PreflightRules.Apply(readings[i], drafts);
            exchanges[i] = readings[i].Exchange;
        }

        EngineFindings.Apply(drafts);
        DroppedHeaderRule.Apply(probe, drafts);
        PortRule.Apply(probe, drafts);
        if (audit is not null)
        {
            drafts.AddRange(audit.Drafts);
        }

        var profiles = probe.Profiles;
        var verdicts = new CorsVerdict[profiles.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            verdicts[i] = ProfileJudgement.Verdict(profiles[i], drafts);
        }

        ProfileDifferenceRule.Apply(probe, verdicts, drafts);
        return new CorsReport(
            probe.Url,
            probe.Origin,
            chosen,
            probe.Credentials,
            profiles,
            Array.AsReadOnly(verdicts),
            OrderBySeverity(drafts, profiles, chosen),
            Array.AsReadOnly(exchanges),
            elapsed,
            audit?.Security,
            audit?.Audited ?? false);
    }

    // Errors, then warnings, then notes under the chosen profile; within a severity, the order the checks ran in.
    private static System.Collections.ObjectModel.ReadOnlyCollection<CorsFinding> OrderBySeverity(List<FindingDraft> drafts, IReadOnlyList<CorsProfile> profiles, CorsProfile chosen)
    {
        if (drafts.Count == 0)
        {
            return System.Collections.ObjectModel.ReadOnlyCollection<CorsFinding>.Empty;
        }

        var findings = new CorsFinding[drafts.Count];
        for (var i = 0; i < findings.Length; i++)
        {
            var severities = new CorsSeverity[profiles.Count];
            for (var p = 0; p < severities.Length; p++)
            {
                severities[p] = ProfileJudgement.SeverityOf(profiles[p], drafts[i]);
            }

            findings[i] = new CorsFinding(drafts[i].Code, drafts[i].Title, drafts[i].Method, drafts[i].Message, drafts[i].Remedy, profiles, Array.AsReadOnly(severities), chosen);
        }

        // An insertion sort, which is stable: within a severity, the order the checks ran in.
        for (var i = 1; i < findings.Length; i++)
        {
            var finding = findings[i];
            var j = i - 1;
            for (; j >= 0 && findings[j].Severity > finding.Severity; j--)
            {
                findings[j + 1] = findings[j];
            }

            findings[j + 1] = finding;
        }

        return findings.AsReadOnly();
    }
}

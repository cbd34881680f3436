using CorsProbing.Evidence;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Reporting;

/// <summary>Assembles the immutable report from the evidence: runs the rules, judges every profile, orders findings.</summary>
internal static class ReportBuilder
{
    /// <summary>
    /// The profiles a report judges: Browser and the engines always; a built-in platform profile only when it is
    /// <paramref name="chosen"/> or in <paramref name="also"/>; then the caller's own, in the order asked.
    /// </summary>
    public static IReadOnlyList<CorsProfile> JudgedProfiles(CorsProfile chosen, IReadOnlyList<CorsProfile> also)
    {
        if (also.Count == 0 && CorsProfile.Browsers.Contains(chosen))
        {
            return CorsProfile.Browsers;
        }

        CorsProfile[] asked = [chosen, .. also];
        return [.. CorsProfile.BuiltIn.Where(p => CorsProfile.Browsers.Contains(p) || asked.Contains(p)), .. asked.Where(p => !CorsProfile.BuiltIn.Contains(p)).Distinct()];
    }

    /// <summary>Builds the report of <paramref name="methods"/>, one per required method.</summary>
    public static CorsReport Build(
        ProbeFacts probe, CorsProfile chosen, IReadOnlyList<MethodEvidence> methods, TimeSpan elapsed, AuditResult? audit = null)
    {
        var drafts = new List<FindingDraft>();
        var exchanges = new CorsExchange[methods.Count];
        for (var i = 0; i < methods.Count; i++)
        {
            PreflightRules.Apply(methods[i], drafts);
            exchanges[i] = methods[i].Exchange;
        }

        EngineFindings.Apply(drafts);
        MethodFindings.Apply(drafts);
        VaryOriginRule.Apply(methods, audit, drafts);
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
        return Assemble(probe, chosen, verdicts, drafts, exchanges, elapsed, audit);
    }

    /// <summary>
    /// The report of an input that was refused before anything was sent (<paramref name="refusal"/> says why):
    /// <paramref name="probe"/>'s URL holds the input's text, and there are no exchanges.
    /// </summary>
    public static CorsReport Refused(ProbeFacts probe, CorsProfile chosen, FindingDraft refusal)
    {
        List<FindingDraft> drafts = [refusal];
        var verdicts = probe.Profiles.Select(profile => ProfileJudgement.Verdict(profile, drafts)).ToArray();
        return Assemble(probe, chosen, verdicts, drafts, [], TimeSpan.Zero, audit: null);
    }

    private static CorsReport Assemble(
        ProbeFacts probe, CorsProfile chosen, CorsVerdict[] verdicts, List<FindingDraft> drafts, CorsExchange[] exchanges, TimeSpan elapsed, AuditResult? audit)
    {
        var profiles = probe.Profiles;
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

        return drafts.Select(draft => ToFinding(draft, profiles, chosen)).OrderBy(f => f.Severity).ToArray().AsReadOnly();
    }

    private static CorsFinding ToFinding(FindingDraft draft, IReadOnlyList<CorsProfile> profiles, CorsProfile chosen)
    {
        var severities = profiles.Select(profile => ProfileJudgement.SeverityOf(profile, draft)).ToArray();
        var engines = draft.Engines == EngineSet.All ? BrowserEngine.All : Array.AsReadOnly(draft.Engines.Engines.ToArray());
        return new CorsFinding(draft.Code, draft.Title, draft.Method, draft.Message, draft.Remedy, profiles, Array.AsReadOnly(severities), chosen, engines);
    }
}

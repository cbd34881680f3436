namespace CorsProbing.Reporting;

/// <summary>Severities and verdicts, derived from a profile's rules: the one place a profile's data is applied.</summary>
internal static class ProfileJudgement
{
    /// <summary>The severity of <paramref name="draft"/> under <paramref name="profile"/>.</summary>
    public static CorsSeverity SeverityOf(CorsProfile profile, FindingDraft draft)
    {
        var counts = draft.Scope switch
        {
            FindingScope.Everyone => true,
            FindingScope.Preflight => profile.AlwaysPreflights || draft.BrowserSendsPreflight,
            FindingScope.AllowHeaders => profile.ChecksAllowHeaders && (profile.AlwaysPreflights || draft.BrowserSendsPreflight),
            FindingScope.ActualResponse => profile.JudgesActualResponses,
            FindingScope.MethodListing => profile.RequiresListedMethods,
            FindingScope.Port => !profile.AllowsPort(draft.Port),
            FindingScope.Duration => profile.TimeLimit is { } limit && draft.Elapsed > limit,
            _ => true,
        };

        if (profile.TreatsAsError(draft.Code))
        {
            return CorsSeverity.Error;
        }

        return counts ? draft.Severity : CorsSeverity.Info;
    }

    /// <summary>A verdict: unreachable when a transport failure or timeout is an error; denied on any other error.</summary>
    public static CorsVerdict Verdict(CorsProfile profile, IEnumerable<FindingDraft> drafts)
    {
        var verdict = CorsVerdict.Allowed;
        foreach (var draft in drafts)
        {
            if (SeverityOf(profile, draft) != CorsSeverity.Error)
            {
                continue;
            }

            if (draft.Code is CorsFindingCodes.Unreachable or CorsFindingCodes.Timeout or CorsFindingCodes.TargetAddressNotAllowed)
            {
                return CorsVerdict.Unreachable;
            }

            verdict = CorsVerdict.Denied;
        }

        return verdict;
    }

    /// <summary>"the Acme console", "the Acme console and the Zeta portal": the subjects of the profiles that match, or null when none.</summary>
    public static string? Subjects(IReadOnlyList<CorsProfile> profiles, Func<CorsProfile, bool> predicate)
    {
        var subjects = profiles.Where(predicate).Select(p => p.Subject).ToList();
        return subjects.Count == 0 ? null : string.Join(" and ", subjects);
    }
}

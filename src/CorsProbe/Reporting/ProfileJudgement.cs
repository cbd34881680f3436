namespace CorsProbing.Reporting;

/// <summary>Severities and verdicts, derived from a profile's rules: the one place a profile's data is applied.</summary>
internal static class ProfileJudgement
{
    /// <summary>The severity of <paramref name="draft"/> under <paramref name="profile"/>.</summary>
    public static CorsSeverity SeverityOf(CorsProfile profile, FindingDraft draft)
    {
        // A finding in a preflight only other engines send is not about this profile's browsers.
        if (!draft.Engines.Overlaps(profile.EngineSet))
        {
            return CorsSeverity.Info;
        }

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

    /// <summary>
    /// A verdict: unreachable when a transport failure, a malformed answer or a timeout is an error; else denied on any
    /// other error but an inconclusive stand-in; else inconclusive when that is an error; else allowed.
    /// </summary>
    public static CorsVerdict Verdict(CorsProfile profile, List<FindingDraft> drafts)
    {
        var verdict = CorsVerdict.Allowed;
        foreach (var draft in drafts)
        {
            if (SeverityOf(profile, draft) != CorsSeverity.Error)
            {
                continue;
            }

            if (draft.Code is CorsFindingCodes.Unreachable or CorsFindingCodes.Timeout or CorsFindingCodes.TargetAddressNotAllowed or CorsFindingCodes.MalformedResponse
                or CorsFindingCodes.InvalidUrl)
            {
                return CorsVerdict.Unreachable;
            }

            // A method browsers certainly block decides the call, whatever another method's stand-in could not tell.
            verdict = draft.Code == CorsFindingCodes.StandInInconclusive && verdict != CorsVerdict.Denied ? CorsVerdict.Inconclusive : CorsVerdict.Denied;
        }

        return verdict;
    }

    // The two look-ups below run for every report, so they index the list rather than enumerate it (no boxed enumerator).

    /// <summary>The shortest time limit among <paramref name="profiles"/>, or <see cref="TimeSpan.MaxValue"/> when none has one.</summary>
    public static TimeSpan ShortestTimeLimit(IReadOnlyList<CorsProfile> profiles)
    {
        var shortest = TimeSpan.MaxValue;
        for (var i = 0; i < profiles.Count; i++)
        {
            if (profiles[i].TimeLimit < shortest)
            {
                shortest = profiles[i].TimeLimit!.Value;
            }
        }

        return shortest;
    }

    /// <summary>Whether one of <paramref name="profiles"/> does not accept URLs on <paramref name="port"/>.</summary>
    public static bool AnyRefusesPort(IReadOnlyList<CorsProfile> profiles, int port)
    {
        for (var i = 0; i < profiles.Count; i++)
        {
            if (!profiles[i].AllowsPort(port))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"the Acme console", "the Acme console and the Zeta portal": the subjects of the profiles that match, or null when none.</summary>
    public static string? Subjects(IReadOnlyList<CorsProfile> profiles, Func<CorsProfile, bool> predicate)
    {
        var subjects = profiles.Where(predicate).Select(p => p.Subject).ToList();
        return subjects.Count == 0 ? null : string.Join(" and ", subjects);
    }
}

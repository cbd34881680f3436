using CorsProbing.Evidence;

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS105: a profile reaches another verdict than browsers. Explains the difference in that profile's own words, from
/// the findings that are errors under one and not the other ("why does the Test pass but saving fail?").
/// </summary>
internal static class ProfileDifferenceRule
{
    public static void Apply(ProbeFacts probe, IReadOnlyList<CorsVerdict> verdicts, List<FindingDraft> findings)
    {
        List<FindingDraft>? drafts = null;
        for (var i = 1; i < probe.Profiles.Count; i++)
        {
            // An engine's profile differs from Browser by the findings that name the engines which block.
            if (verdicts[i] != verdicts[0] && !probe.Profiles[i].IsEngine)
            {
                drafts ??= [.. findings];
                findings.Add(Explain(drafts, CorsProfile.Browser, verdicts[0], probe.Profiles[i], verdicts[i]));
            }
        }
    }

    private static FindingDraft Explain(List<FindingDraft> drafts, CorsProfile browser, CorsVerdict browserVerdict, CorsProfile profile, CorsVerdict verdict)
    {
        var browserOnly = ErrorsOnlyUnder(drafts, browser, profile);
        var profileOnly = ErrorsOnlyUnder(drafts, profile, browser);
        var message = (browserVerdict, verdict) switch
        {
            (_, CorsVerdict.Allowed) =>
                $"{profile.AcceptsWhileBrowsersBlock}: the check of {profile.Subject} accepts this API, while browsers block the call ({Titles(browserOnly)}).{HeadersNote(browserOnly, profile)}",
            (CorsVerdict.Allowed, CorsVerdict.Unreachable) =>
                $"Browsers can call this API, but {profile.RejectsWhileBrowsersAllow}: {profile.Subject} gives up on it ({Titles(profileOnly)}).",
            (CorsVerdict.Allowed, _) =>
                $"Browsers would allow this call, but {profile.RejectsWhileBrowsersAllow}: the check of {profile.Subject} is stricter ({Titles(profileOnly)}).",
            _ =>
                $"Browsers say {browserVerdict} and {profile.Subject} says {verdict}. Browser-only failures: {Or(Titles(browserOnly))}; {profile.Name}-only failures: {Or(Titles(profileOnly))}.",
        };

        var remedy = verdict == CorsVerdict.Allowed
            ? $"Fix the browser failures above; passing the check of {profile.Subject} does not prove that browsers can call the API."
            : $"Fix the {profile.Name} failures above so that {profile.Subject} accepts the API.";
        return new FindingDraft(CorsFindingCodes.ProfilesDisagree, $"Browser and {profile.Name} verdicts differ", null, FindingScope.Everyone, CorsSeverity.Info, message, remedy);
    }

    private static List<FindingDraft> ErrorsOnlyUnder(List<FindingDraft> drafts, CorsProfile one, CorsProfile other) =>
        drafts.Where(d => ProfileJudgement.SeverityOf(one, d) == CorsSeverity.Error && ProfileJudgement.SeverityOf(other, d) != CorsSeverity.Error).ToList();

    // The browsers' failures a profile does not see because it does not read Access-Control-Allow-Headers.
    private static string HeadersNote(List<FindingDraft> browserOnly, CorsProfile profile) =>
        !profile.ChecksAllowHeaders && browserOnly.Any(d => d.Scope == FindingScope.AllowHeaders)
            ? $" The check of {profile.Subject} does not read Access-Control-Allow-Headers; browsers do."
            : string.Empty;

    private static string Titles(List<FindingDraft> drafts) =>
        string.Join("; ", drafts.Select(d => d.Method is null ? $"{d.Code} {d.Title}" : $"{d.Code} {d.Title} for {d.Method}").Distinct(StringComparer.Ordinal));

    private static string Or(string titles) => titles.Length == 0 ? "none" : titles;
}

namespace CorsProbing.Reporting;

/// <summary>Explains, in the platform's own words, why the Browser and Galxe profiles disagree (CORS105).</summary>
internal static class ProfileDifference
{
    public static FindingDraft Explain(IReadOnlyList<FindingDraft> drafts, CorsVerdict browser, CorsVerdict galxe)
    {
        var browserOnly = Titles(drafts, d => d.Browser == CorsSeverity.Error && d.Galxe != CorsSeverity.Error);
        var galxeOnly = Titles(drafts, d => d.Galxe == CorsSeverity.Error && d.Browser != CorsSeverity.Error);

        var message = (browser, galxe) switch
        {
            (_, CorsVerdict.Allowed) =>
                $"The dashboard's Test button passes, but saving fails: the Galxe platform's check accepts this API, while browsers block the call ({browserOnly}). The platform does not check Access-Control-Allow-Headers; browsers do.",
            (CorsVerdict.Allowed, CorsVerdict.Unreachable) =>
                $"Browsers can call this API, but the dashboard's Test button fails: the Galxe platform gives up on it ({galxeOnly}).",
            (CorsVerdict.Allowed, _) =>
                $"Browsers would allow this call, but the dashboard's Test button fails: the Galxe platform's check is stricter ({galxeOnly}).",
            _ =>
                $"Browsers say {browser} and the Galxe platform says {galxe}. Browser-only failures: {Or(browserOnly)}; Galxe-only failures: {Or(galxeOnly)}.",
        };

        var remedy = galxe == CorsVerdict.Allowed
            ? "Fix the browser failures above; the platform's Test alone does not prove that the dashboard works."
            : "Fix the Galxe failures above so the platform accepts the API.";
        return new FindingDraft(CorsFindingCodes.ProfilesDisagree, Method: null, CorsSeverity.Info, CorsSeverity.Info, message, remedy);
    }

    private static string Titles(IReadOnlyList<FindingDraft> drafts, Func<FindingDraft, bool> predicate)
    {
        var titles = drafts.Where(predicate)
            .Select(d => d.Method is null ? $"{d.Code} {FindingTitles.For(d.Code)}" : $"{d.Code} {FindingTitles.For(d.Code)} for {d.Method}")
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return string.Join("; ", titles);
    }

    private static string Or(string titles) => titles.Length == 0 ? "none" : titles;
}

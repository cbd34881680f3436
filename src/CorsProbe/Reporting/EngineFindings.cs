using CorsProbing.Requirements;

namespace CorsProbing.Reporting;

/// <summary>
/// Findings of preflights that only some engines send: those every form found alike become one finding about all their
/// engines, and a finding about some engines only says which ("Firefox and Safari block: …").
/// </summary>
internal static class EngineFindings
{
    public static void Apply(List<FindingDraft> drafts)
    {
        if (drafts.TrueForAll(draft => draft.Engines == EngineSet.All))
        {
            return;
        }

        var merged = new List<FindingDraft>(drafts.Count);
        foreach (var draft in drafts)
        {
            var same = merged.FindIndex(m => m with { Engines = draft.Engines } == draft);
            if (same >= 0)
            {
                merged[same] = merged[same] with { Engines = merged[same].Engines.Union(draft.Engines) };
            }
            else
            {
                merged.Add(draft);
            }
        }

        drafts.Clear();
        foreach (var draft in merged)
        {
            drafts.Add(draft.Engines == EngineSet.All || draft.Code == CorsFindingCodes.HeaderDroppedByEngine ? draft : draft with { Message = Named(draft) });
        }
    }

    private static string Named(FindingDraft draft)
    {
        var browsers = draft.Engines.Browsers;
        if (ProfileJudgement.SeverityOf(CorsProfile.Browser, draft) != CorsSeverity.Error)
        {
            return $"In {browsers}: {draft.Message}";
        }

        var one = draft.Engines.Engines.Count() == 1 && !browsers.Contains(" and ", StringComparison.Ordinal);
        return $"{browsers} {(one ? "blocks" : "block")}: {draft.Message}";
    }
}

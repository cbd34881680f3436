namespace CorsProbing.Reporting;

/// <summary>
/// Findings of requests that only some engines send: those several engine groups found about the same thing become one
/// finding about all their engines. The finding carries its engines; the report's text names them.
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
            var same = merged.FindIndex(m => AboutTheSame(m, draft));
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
        drafts.AddRange(merged);
    }

    // Two groups' findings are one when code, method, scope, severity and subject agree: what profiles judge them by,
    // and what they are about.
    private static bool AboutTheSame(FindingDraft one, FindingDraft other) =>
        one.Code == other.Code && one.Method == other.Method && one.Scope == other.Scope && one.Severity == other.Severity
        && one.BrowserSendsPreflight == other.BrowserSendsPreflight && one.Port == other.Port && one.Elapsed == other.Elapsed
        && (one.Subject ?? one.Message) == (other.Subject ?? other.Message);
}

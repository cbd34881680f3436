namespace CorsProbing.Reporting;

/// <summary>
/// Findings about the same thing for several methods: a response header every preflight lacks, a list every preflight
/// gets wrong alike. Where the drafts of several methods agree in everything but the method, they become one finding
/// that names the methods (<c>[GET, PUT]</c>), at the place of the first.
/// </summary>
internal static class MethodFindings
{
    /// <summary>How a finding's methods are joined in <see cref="CorsFinding.Method"/>.</summary>
    public const string Separator = ", ";

    public static void Apply(List<FindingDraft> drafts)
    {
        for (var i = 0; i < drafts.Count; i++)
        {
            if (drafts[i].Method is null)
            {
                continue;
            }

            List<string>? methods = null;
            for (var j = drafts.Count - 1; j > i; j--)
            {
                if (drafts[j].Method is { } other && SameButForTheMethod(drafts[i], drafts[j]))
                {
                    (methods ??= [drafts[i].Method!]).Insert(1, other);
                    drafts.RemoveAt(j);
                }
            }

            if (methods is not null)
            {
                drafts[i] = drafts[i] with { Method = string.Join(Separator, methods.Distinct()) };
            }
        }
    }

    // Record equality with the method set aside; the code and message are compared first, so drafts about other
    // things are told apart without a copy.
    private static bool SameButForTheMethod(FindingDraft one, FindingDraft other) =>
        one.Code == other.Code && one.Message == other.Message && one with { Method = other.Method } == other;
}

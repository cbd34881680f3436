using CorsProbing.Evidence;

namespace CorsProbing.Reporting.Rules;

/// <summary>CORS111: a header the script sets that some engines drop from <c>fetch()</c> (they send the request without it).</summary>
internal static class DroppedHeaderRule
{
    public const string Title = "Header dropped by some browsers";

    public static void Apply(ProbeFacts probe, List<FindingDraft> findings)
    {
        if (!probe.Headers.Any(static h => !Requirements.ForbiddenRequestHeaders.DroppedBy(h.Name).IsEmpty))
        {
            return;
        }

        foreach (var header in probe.Headers.DistinctBy(h => h.Name, StringComparer.OrdinalIgnoreCase))
        {
            var dropping = Requirements.ForbiddenRequestHeaders.DroppedBy(header.Name);
            if (dropping.IsEmpty)
            {
                continue;
            }

            findings.Add(new FindingDraft(
                CorsFindingCodes.HeaderDroppedByEngine,
                Title,
                null,
                FindingScope.Everyone,
                CorsSeverity.Info,
                $"Scripts cannot set {header.Name}: fetch() drops it and the request goes without it (and needs no permission for it); the other browsers send it.",
                $"Do not rely on {header.Name} reaching the API from every browser; send what the API needs in a header of your own.")
            {
                Engines = dropping,
            });
        }
    }
}

using CorsProbing.Conformance.Cases;

namespace CorsProbing.Conformance.Oracle;

/// <summary>Puts the matrix to CorsProbe and compares each case with a browser's results.</summary>
public static class ConformanceRun
{
    /// <summary>Compares CorsProbe with <paramref name="browser"/>, <paramref name="engine"/>'s results, case by case, probing through <paramref name="server"/>.</summary>
    public static async Task<IReadOnlyList<CaseComparison>> CompareAsync(
        Engine engine, CaseServer server, IReadOnlyList<ConformanceCase> cases, IReadOnlyList<BrowserResult> browser, CancellationToken cancellationToken)
    {
        var probed = await ProbeRun.RunAsync(server, cases, cancellationToken);
        var byId = browser.ToDictionary(b => b.Id);
        return [.. cases.Select(c => new CaseComparison(engine, c, byId[c.Id], probed[c.Id]))];
    }

}

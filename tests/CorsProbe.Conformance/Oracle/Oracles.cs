using CorsProbing.Conformance.Malformed;

namespace CorsProbing.Conformance.Oracle;

/// <summary>The catalogues the live oracles check, by name, and every (catalogue, engine) run of them.</summary>
public static class Oracles
{
    /// <summary>The catalogues by <see cref="IOracleCatalogue.Name"/>.</summary>
    public static IReadOnlyDictionary<string, IOracleCatalogue> ByName { get; } =
        new IOracleCatalogue[] { MatrixOracle.Instance, MalformedOracle.Instance }.ToDictionary(c => c.Name);

    /// <summary>Each catalogue in each engine.</summary>
    public static TheoryData<string, Engine> Runs
    {
        get
        {
            var runs = new TheoryData<string, Engine>();
            foreach (var name in ByName.Keys)
            {
                foreach (var engine in EngineLauncher.All)
                {
                    runs.Add(name, engine);
                }
            }

            return runs;
        }
    }
}

namespace CorsProbing.Conformance.Oracle;

/// <summary>A catalogue of cases the live oracles check, whatever its cases and observations are.</summary>
public interface IOracleCatalogue
{
    /// <summary>Its name in test cases and messages.</summary>
    string Name { get; }

    /// <summary>How many cases CorsProbe may decide otherwise than <paramref name="engine"/>, each named on purpose; the bound may only shrink.</summary>
    int AllowedDisagreements(Engine engine);

    /// <summary>
    /// Runs every case in the live <paramref name="engine"/> and CorsProbe against the same loopback servers, and checks
    /// that they agree and that the engine still decides as recorded (or records it, under <c>CORSPROBE_RECORD=1</c>).
    /// </summary>
    Task CheckLiveAsync(Engine engine, CancellationToken cancellationToken);

    /// <summary>Checks that <paramref name="engine"/>'s recording covers the catalogue as it is now, and that every case ran.</summary>
    void CheckRecordingIsCurrent(Engine engine);

    /// <summary>CorsProbe's disagreements with <paramref name="engine"/>'s recorded outcomes, each described.</summary>
    Task<IReadOnlyList<string>> DisagreementsWithRecordingAsync(Engine engine, CancellationToken cancellationToken);
}

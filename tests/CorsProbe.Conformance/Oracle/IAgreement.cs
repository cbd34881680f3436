namespace CorsProbing.Conformance.Oracle;

/// <summary>CorsProbe's outcome for one case next to a browser's.</summary>
public interface IAgreement
{
    /// <summary>Whether CorsProbe's profile of the engine decided as the engine did.</summary>
    bool Agrees { get; }
}

namespace CorsProbing.Conformance.Oracle;

/// <summary>Who sent a request to the case server.</summary>
public enum ClientKind
{
    /// <summary>Headless Chromium.</summary>
    Browser,

    /// <summary>CorsProbe (its <c>User-Agent</c> names it).</summary>
    CorsProbe,
}

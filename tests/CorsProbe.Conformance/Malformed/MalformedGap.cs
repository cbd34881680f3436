namespace CorsProbing.Conformance.Malformed;

/// <summary>
/// How many of the catalogue's 264 responses (132 cases in two shapes) Firefox and WebKit decide otherwise than
/// CorsProbe, whose wire parser follows Chromium: the part of per-engine conformance not modelled yet.
/// </summary>
public static class MalformedGap
{
    /// <summary>Firefox ESR 153 (recorded 2026-12-01).</summary>
    public const int Firefox = 32;

    /// <summary>WebKitGTK 2.50 (recorded 2026-12-01).</summary>
    public const int WebKit = 55;
}

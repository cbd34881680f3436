namespace CorsProbing.Conformance.Malformed;

/// <summary>
/// How many of the catalogue's 264 responses (132 cases in two shapes) Firefox and WebKit decide otherwise than
/// CorsProbe's profiles of them, on purpose: Firefox reads a head over 256 KiB, of which CorsProbe keeps at most that
/// much (bounded memory against hostile servers). WebKit's are all decided alike, its preflight bodies included.
/// </summary>
public static class MalformedGap
{
    /// <summary>Firefox ESR 153: a 300 KiB header value, as a preflight's answer and as a GET's.</summary>
    public const int Firefox = 2;

    /// <summary>WebKitGTK 2.50: none.</summary>
    public const int WebKit = 0;
}

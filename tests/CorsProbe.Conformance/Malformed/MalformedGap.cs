namespace CorsProbing.Conformance.Malformed;

/// <summary>
/// How many of the catalogue's 264 responses (132 cases in two shapes) Firefox and WebKit decide otherwise than
/// CorsProbe's profiles of them, on purpose: Firefox reads a head over 256 KiB, of which CorsProbe keeps at most that
/// much (bounded memory against hostile servers); WebKit fails a preflight whose body is shorter than its
/// Content-Length, and CorsProbe never reads a body.
/// </summary>
public static class MalformedGap
{
    /// <summary>Firefox ESR 153: a 300 KiB header value, as a preflight's answer and as a GET's.</summary>
    public const int Firefox = 2;

    /// <summary>WebKitGTK 2.50: two Content-Length values (the preflight), -1 and a 21-digit Content-Length (the GET).</summary>
    public const int WebKit = 3;
}

namespace CorsProbing.Conformance.Oracle;

/// <summary>A browser engine the suite drives as an oracle.</summary>
public enum Engine
{
    /// <summary>Debian's <c>chromium</c>, headless.</summary>
    Chromium,

    /// <summary>Debian's <c>firefox-esr</c>, headless.</summary>
    Firefox,

    /// <summary>WebKitGTK's <c>MiniBrowser</c> under <c>xvfb-run</c>.</summary>
    WebKit,
}

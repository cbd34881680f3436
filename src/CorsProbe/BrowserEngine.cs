namespace CorsProbing;

/// <summary>
/// One browser engine's CORS rules where the engines differ, as data: which request headers a script may not set,
/// which it may send without a preflight, how the preflight names them, and how long the preflight stays cached.
/// Each was found by running the engine live against CorsProbe's conformance cases (<c>docs/conformance.md</c>).
/// </summary>
/// <remarks>
/// A profile judges by the rules of its <see cref="CorsProfile.Engines"/>: <see cref="CorsProfile.Browser"/> by all three,
/// <see cref="CorsProfile.Chromium"/>, <see cref="CorsProfile.Firefox"/> and <see cref="CorsProfile.WebKit"/> by one.
/// </remarks>
public sealed class BrowserEngine
{
    private BrowserEngine(string name, string browsers, int index)
    {
        Name = name;
        Browsers = browsers;
        Index = index;
    }

    /// <summary>
    /// Blink (Chrome, Edge, Opera): drops <c>User-Agent</c> from <c>fetch()</c>, safelists its client-hint headers
    /// (<c>DPR</c>, <c>Width</c>, <c>Save-Data</c>, …); limits a safelisted value to 128 bytes after joining a name set
    /// twice; caches a preflight for at most 2 hours.
    /// </summary>
    public static BrowserEngine Chromium { get; } = new("Chromium", "Chrome/Edge", 0)
    {
        ForbidsUserAgent = true,
        SafelistsClientHints = true,
        NoStoreSkipsPreflightCache = true,
        MaxAgeLimit = TimeSpan.FromHours(2),
    };

    /// <summary>
    /// Gecko (Firefox): lets scripts set <c>User-Agent</c>; does not safelist client hints; limits each value set to
    /// 128 bytes but not the joined value nor the 1024-byte total; repeats a name set twice (in another
    /// case) in <c>Access-Control-Request-Headers</c>; caches a preflight for at most 24 hours.
    /// </summary>
    public static BrowserEngine Firefox { get; } = new("Firefox", "Firefox", 1)
    {
        LimitsJoinedValues = false,
        LimitsSafelistedTotal = false,
        JoinsWithoutEmptyLines = true,
        DisablesCacheOnInvalidMaxAge = true,
        RemovesDuplicateNames = false,
        NoStoreSkipsPreflightCache = true,
        MaxAgeLimit = TimeSpan.FromHours(24),
    };

    /// <summary>
    /// WebKit (Safari): lets scripts set <c>User-Agent</c>; does not safelist client hints; reads the unit of a
    /// safelisted <c>Range</c> in any case (<c>Bytes=0-</c>); caches a preflight for at most 10 minutes, 5 seconds when
    /// <c>Access-Control-Max-Age</c> is absent or not an integer, even for a <c>fetch()</c> with <c>cache: "no-store"</c>.
    /// </summary>
    public static BrowserEngine WebKit { get; } = new("WebKit", "Safari", 2)
    {
        RangeUnitIgnoresCase = true,
        MaxAgeLimit = TimeSpan.FromMinutes(10),
    };

    /// <summary>The three engines, in the order reports name them.</summary>
    public static IReadOnlyList<BrowserEngine> All { get; } = Array.AsReadOnly([Chromium, Firefox, WebKit]);

    /// <summary>The engine's name: <c>Chromium</c>, <c>Firefox</c>, <c>WebKit</c>.</summary>
    public string Name { get; }

    /// <summary>How messages name the browsers built on it: <c>Chrome/Edge</c>, <c>Firefox</c>, <c>Safari</c>.</summary>
    public string Browsers { get; }

    /// <summary>Whether <c>fetch()</c> drops a <c>User-Agent</c> the script sets (Chromium).</summary>
    public bool ForbidsUserAgent { get; private init; }

    /// <summary>Whether client-hint headers (<c>DPR</c>, <c>Device-Memory</c>, <c>Downlink</c>, <c>ECT</c>, <c>RTT</c>, <c>Save-Data</c>, <c>Viewport-Width</c>, <c>Width</c>) with valid values are CORS-safelisted (Chromium).</summary>
    public bool SafelistsClientHints { get; private init; }

    /// <summary>
    /// Whether a safelisted <c>Range</c> (a single range, <c>bytes=0-99</c>, in every engine) may spell its unit in any
    /// case, <c>Bytes=0-</c> (WebKit); the standard and the others want <c>bytes</c> exactly.
    /// </summary>
    public bool RangeUnitIgnoresCase { get; private init; }

    /// <summary>Whether the 128-byte limit of a safelisted value applies to the value joined from every time the name was set (Chromium, WebKit), not to each.</summary>
    public bool LimitsJoinedValues { get; private init; } = true;

    /// <summary>Whether safelisted values adding up to more than 1024 bytes make every header CORS-unsafe (the standard; not Firefox).</summary>
    public bool LimitsSafelistedTotal { get; private init; } = true;

    /// <summary>Whether <c>Access-Control-Request-Headers</c> names a header once however often it was set (the standard; not Firefox).</summary>
    public bool RemovesDuplicateNames { get; private init; } = true;

    /// <summary>
    /// Whether the engine leaves out empty lines when it joins a response header's lines, so that
    /// <c>Access-Control-Allow-Credentials</c> sent as <c>true</c> and an empty line reads <c>true</c> (Firefox); the
    /// standard joins them to <c>true, </c> and fails the CORS check.
    /// </summary>
    public bool JoinsWithoutEmptyLines { get; private init; }

    /// <summary>
    /// Whether an <c>Access-Control-Max-Age</c> that is not a plain number of seconds (<c>+10</c>, <c>1.5</c>,
    /// <c>10abc</c>, two values) turns the preflight cache off (Firefox); the others fall back to 5 seconds.
    /// </summary>
    public bool DisablesCacheOnInvalidMaxAge { get; private init; }

    /// <summary>Whether a <c>fetch()</c> with <c>cache: "no-store"</c> sends a new preflight instead of using a cached one (Chromium, Firefox; not WebKit).</summary>
    public bool NoStoreSkipsPreflightCache { get; private init; }

    /// <summary>How long the engine caches a preflight when <c>Access-Control-Max-Age</c> is absent: 5 seconds in all three.</summary>
    public TimeSpan DefaultMaxAge { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest time the engine keeps a preflight in its cache, whatever <c>Access-Control-Max-Age</c> says.</summary>
    public TimeSpan MaxAgeLimit { get; private init; }

    /// <summary>The engine's place in <see cref="All"/>: per-engine values are indexed by it, and it is the engine's bit in an <see cref="Requirements.EngineSet"/>.</summary>
    internal int Index { get; }

    /// <summary>The engine's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}

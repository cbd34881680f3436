namespace CorsProbing.Http;

/// <summary>
/// How one engine reads a response head's raw bytes, where the engines differ: found by running the malformed-response
/// catalogue in each (docs/conformance.md, "Malformed responses"). <see cref="WireHeadParser"/> applies them.
/// </summary>
internal sealed record WireRules
{
    /// <summary>Chromium (net/http): lenient status lines, CR alone breaks a line, any NUL and any conflict fail.</summary>
    public static WireRules Chromium { get; } = new();

    /// <summary>Firefox (nsHttpResponseHead, nsHttpHeaderArray): strict status lines, LF alone breaks a line, NUL is a byte like another.</summary>
    public static WireRules Firefox { get; } = new()
    {
        BareCrBreaksLine = false,
        TrailingCrs = 1,
        RefusesNul = false,
        RefusesNulInValues = true,
        MissingStatusIs200 = true,
        HttpPrefixIgnoresCase = false,
        AcceptsIcy = true,
        StrictStatusLine = true,
        TabSeparatesStatus = false,
        RefusesSwitchingProtocols = true,
        DropsWhitespaceBeforeColon = true,
    };

    /// <summary>WebKitGTK (libsoup): HTTP/1.0 and 1.1 only, strict status and framing headers, 64 KiB heads, no conflict checks.</summary>
    public static WireRules WebKit { get; } = new()
    {
        BareCrBreaksLine = false,
        TrailingCrs = int.MaxValue,
        StatusLineSlop = 0,
        SkipsEmptyLinesBeforeStatus = true,
        HttpPrefixIgnoresCase = false,
        AcceptsIcy = true,
        StrictStatusLine = true,
        OnlyHttp1 = true,
        MinimumStatus = 100,
        DropsWhitespaceBeforeColon = true,
        MaxHeadBytes = 64 * 1024,
        RefusesConflicts = false,
        StrictFraming = true,
        ReadsPreflightBody = true,
    };

    /// <summary>How <paramref name="engine"/> reads a response head's raw bytes.</summary>
    public static WireRules Of(BrowserEngine engine) =>
        ReferenceEquals(engine, BrowserEngine.Firefox) ? Firefox : ReferenceEquals(engine, BrowserEngine.WebKit) ? WebKit : Chromium;

    /// <summary>Whether a CR not followed by LF ends a line (Chromium); else only LF does and the CR stays in the value.</summary>
    public bool BareCrBreaksLine { get; private init; } = true;

    /// <summary>Where only LF ends a line: how many CRs before it are taken off (Firefox one, WebKit all).</summary>
    public int TrailingCrs { get; private init; }

    /// <summary>Whether a NUL byte anywhere in the head fails the request.</summary>
    public bool RefusesNul { get; private init; } = true;

    /// <summary>Whether a NUL byte in a header value fails the request (Firefox; a NUL elsewhere is a byte like another there).</summary>
    public bool RefusesNulInValues { get; private init; }

    /// <summary>Whether empty lines before the status line are skipped (WebKit, which allows nothing else there).</summary>
    public bool SkipsEmptyLinesBeforeStatus { get; private init; }

    /// <summary>Where the status line is strict: whether a status line with no code at all (<c>HTTP/1.1</c>) means 200 (Firefox).</summary>
    public bool MissingStatusIs200 { get; private init; }

    /// <summary>How many bytes may come before the status line.</summary>
    public int StatusLineSlop { get; private init; } = 4;

    /// <summary>Whether the status line may start with <c>http</c> in any case (Chromium); else <c>HTTP/</c> exactly.</summary>
    public bool HttpPrefixIgnoresCase { get; private init; } = true;

    /// <summary>Whether a Shoutcast <c>ICY 200 OK</c> status line is read as HTTP/1.0.</summary>
    public bool AcceptsIcy { get; private init; }

    /// <summary>
    /// Whether the status line needs a version with a digit after <c>HTTP/</c> and a code of one to three digits at least
    /// <see cref="MinimumStatus"/> (else the request fails); Chromium takes any missing code as 200.
    /// </summary>
    public bool StrictStatusLine { get; private init; }

    /// <summary>Whether a TAB may separate the version from the code.</summary>
    public bool TabSeparatesStatus { get; private init; } = true;

    /// <summary>Whether only HTTP/1.0 and HTTP/1.1 are read (WebKit).</summary>
    public bool OnlyHttp1 { get; private init; }

    /// <summary>The lowest status code read (WebKit refuses codes below 100).</summary>
    public int MinimumStatus { get; private init; }

    /// <summary>Whether a 101 answer (no upgrade was asked for) fails the request instead of being skipped as interim (Firefox).</summary>
    public bool RefusesSwitchingProtocols { get; private init; }

    /// <summary>Whether a line with spaces or tabs before its colon is dropped (Firefox, WebKit); Chromium trims them.</summary>
    public bool DropsWhitespaceBeforeColon { get; private init; }

    /// <summary>Chromium's limit on a response head (kMaxHeaderBufSize), the largest of the engines'.</summary>
    public const int ChromiumMaxHeadBytes = 256 * 1024;

    /// <summary>The largest head read.</summary>
    public int MaxHeadBytes { get; private init; } = ChromiumMaxHeadBytes;

    /// <summary>Whether different Content-Length, Location or Content-Disposition values fail the request (Chromium, Firefox).</summary>
    public bool RefusesConflicts { get; private init; } = true;

    /// <summary>
    /// Whether a Content-Length that is not one number (a sign allowed, as <c>strtoull</c> reads it), or a
    /// Transfer-Encoding other than chunked or identity, fails the request (WebKit).
    /// </summary>
    public bool StrictFraming { get; private init; }

    /// <summary>Whether a preflight's body is read to its end, so a body shorter than its Content-Length fails the preflight (WebKit).</summary>
    public bool ReadsPreflightBody { get; private init; }

    /// <summary>Where only LF ends a line: <paramref name="line"/> without the CRs before its LF that the engine takes off (<see cref="TrailingCrs"/>).</summary>
    public ReadOnlySpan<byte> TrimTrailingCrs(ReadOnlySpan<byte> line)
    {
        var trimmed = line.TrimEnd((byte)'\r');
        return line.Length - trimmed.Length <= TrailingCrs ? trimmed : line[..^TrailingCrs];
    }
}

namespace CorsProbing.Conformance.Cases;

/// <summary>
/// Request headers whose treatment the engines may not share: which a script may set at all (forbidden request-headers
/// are dropped), which are CORS-safelisted by name and value, and the safelisting limits. Each is sent as a GET from the
/// dashboard to an answer that allows the origin and no request header, so the verdict says whether the engine needed
/// a preflight for it, the preflight says how it named it, and the actual request says whether it was sent at all.
/// </summary>
public static class RequestHeaderProbes
{
    private static readonly string Hundred = new('a', 100);

    /// <summary>Each probe: a label and the headers the page sets, in order (a name given twice is appended twice).</summary>
    public static IReadOnlyList<(string Label, KeyValuePair<string, string>[] Headers)> All { get; } =
    [
        // Forbidden request-headers, by the standard or by one engine.
        One("User-Agent", "corsprobe-conformance"),
        One("Access-Control-Request-Private-Network", "true"),
        One("Keep-Alive", "timeout=5"),
        One("DNT", "1"),
        One("Accept-Charset", "utf-8"),
        One("Accept-Encoding", "identity"),
        One("Set-Cookie", "a=b"),
        One("Cookie2", "$Version=1"),
        One("Date", "Tue, 01 Dec 2026 00:00:00 GMT"),
        One("Via", "1.1 proxy"),
        One("Trailer", "X-Check"),
        One("TE", "trailers"),
        One("Upgrade", "websocket"),
        One("Proxy-Authorization", "Basic Zm9vOmJhcg=="),
        One("Sec-Custom", "1"),
        One("X-HTTP-Method-Override", "TRACE"),
        One("X-HTTP-Method-Override", "PUT"),
        One("X-Method-Override", "get, connect"),
        One("X-HTTP-Method", "TRACK"),
        One("Priority", "u=1"),
        One("Attribution-Reporting-Eligible", "trigger"),

        // Safelisted by one engine (client hints) or by value.
        One("DPR", "2"),
        One("Device-Memory", "8"),
        One("Downlink", "10"),
        One("Save-Data", "on"),
        One("Width", "100"),
        One("Viewport-Width", "100"),
        One("RTT", "50"),
        One("ECT", "4g"),
        One("Intervention", "x"),
        One("Accept", "text/html"),
        One("Accept", "text/{html}"),
        One("Accept-Language", "en-US;q=0.9, de"),
        One("Accept-Language", "en_US"),
        One("Content-Language", "de-DE"),
        One("Content-Type", "text/plain;charset=utf-8"),
        One("Content-Type", "text/plain; charset=\"utf-8\""),
        One("Content-Type", "Text/Plain"),
        One("Content-Type", "multipart/form-data; boundary=x"),

        // Range: a single range, by the standard's parser, with its case rules.
        One("Range", "bytes=0-"),
        One("Range", "bytes=0-99"),
        One("Range", "Bytes=0-"),
        One("Range", "BYTES=0-99"),
        One("Range", "bytes=99-0"),
        One("Range", "bytes=-5"),
        One("Range", "bytes=0-1,5-6"),
        One("Range", "bytes= 0-"),

        // Safelisting limits: 128 bytes a value, 1024 in total; a name set twice.
        One("Accept-Language", new string('a', 128)),
        One("Accept-Language", new string('a', 129)),
        ("Accept set twice, 100 bytes each", [new("Accept", Hundred), new("Accept", Hundred)]),
        ("Accept set twice, short", [new("Accept", "text/html"), new("Accept", "application/json")]),
        ("Accept-Language set nine times, 120 bytes each", [.. Enumerable.Repeat(new KeyValuePair<string, string>("Accept-Language", new string('b', 120)), 9)]),
        ("X-Api-Key set twice, differently cased", [new("X-Api-Key", "1"), new("x-api-key", "2")]),
        ("X-B and X-A", [new("X-B", "1"), new("X-A", "2")]),
        ("Content-Type set twice, text/plain", [new("Content-Type", "text/plain"), new("Content-Type", "text/plain")]),
        ("nine headers Chromium safelists, 128 bytes each (1152 in total)",
            [.. new[] { "Accept", "Accept-Language", "Content-Language", "Width", "Viewport-Width", "RTT", "Downlink", "Device-Memory", "DPR" }
                .Select(name => new KeyValuePair<string, string>(name, new string('1', 128)))]),
    ];

    private static (string, KeyValuePair<string, string>[]) One(string name, string value) =>
        ($"{name}: {(value.Length > 40 ? $"{value.Length} bytes" : value)}", [new(name, value)]);
}

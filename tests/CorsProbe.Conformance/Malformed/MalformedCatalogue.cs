using System.Globalization;

namespace CorsProbing.Conformance.Malformed;

/// <summary>
/// The catalogue of malformed responses: bytes inside header values, message framing, line endings, status lines,
/// interim responses, header names, sizes around the limit, and bytes outside the message. Deterministic: the same code
/// always yields the same cases in the same order, so ids are stable. Each is a correct CORS answer (the exact origin,
/// <c>PUT</c> allowed) but for the one defect it names.
/// </summary>
public static class MalformedCatalogue
{
    /// <summary>The kilobyte sizes tried around the header size limit (Chromium's is 256 KiB).</summary>
    private static readonly int[] HeaderKilobytes = [60, 100, 250, 300];

    private static readonly (byte Byte, string Name)[] OddBytes =
    [
        (0x00, "NUL"), (0x01, "SOH"), (0x08, "BS"), (0x0B, "VT"), (0x0C, "FF"), (0x1B, "ESC"), (0x1F, "US"), (0x7F, "DEL"),
        (0x80, "0x80"), (0xA0, "NBSP (0xA0)"), (0xE9, "é (0xE9)"), (0xFF, "0xFF"),
    ];

    /// <summary>Every case, numbered from 1.</summary>
    public static IReadOnlyList<MalformedCase> All { get; } = Generate();

    /// <summary>The standard answer with the given pieces replaced; lines are joined with <paramref name="eol"/>.</summary>
    public static string Response(
        string origin,
        string? allowOrigin = null,
        string status = "HTTP/1.1 200 OK",
        string[]? before = null,
        string[]? after = null,
        string[]? framing = null,
        string eol = "\r\n",
        string body = "ok",
        string interim = "")
    {
        string[] lines =
        [
            .. before ?? [],
            .. OriginLines(origin, allowOrigin),
            "Access-Control-Allow-Methods: PUT",
            "Content-Type: text/plain",
            .. after ?? [],
            .. framing ?? ["Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture)],
        ];
        return interim + status + eol + string.Concat(lines.Select(line => line + eol)) + eol + body;
    }

    private static List<MalformedCase> Generate()
    {
        var cases = new List<MalformedCase>();
        void Add(string @class, string description, Func<string, string> text, bool early = false) =>
            cases.Add(new MalformedCase(cases.Count + 1, @class, description, text, early));

        Add("control", "a correct answer (the control case)", o => Response(o));

        foreach (var (b, name) in OddBytes)
        {
            var c = (char)b;
            Add("byte in a CORS value", $"{name} after the origin", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin: {o}{c}"));
            Add("byte in a CORS value", $"{name} before the origin", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin: {c}{o}"));
            Add("byte in another header", $"{name} inside X-Note", o => Response(o, after: [$"X-Note: a{c}b"]));
        }

        Add("byte in a CORS value", "TAB after the origin", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin: {o}\t"));
        Add("byte in a CORS value", "TAB before the origin", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin:\t{o}"));
        Add("byte in a CORS value", "NUL between two methods", o => Response(o, after: ["Access-Control-Allow-Methods: GET,\0PUT"]));
        Add("bare CR", "bare CR inside the origin's line, then another header", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin: {o}\rX-Note: b"));
        Add("bare CR", "bare CR inside X-Note", o => Response(o, after: ["X-Note: a\rb"]));
        Add("bare CR", "a line ending CR CR LF", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin: {o}\r"));
        Add("bare LF", "bare LF ends the origin's line", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin: {o}\nX-Note: b"));
        Add("bare LF", "bare LF inside X-Note (the rest has no colon)", o => Response(o, after: ["X-Note: a\nb"]));

        Add("Content-Length", "two equal Content-Length lines", o => Response(o, framing: ["Content-Length: 2", "Content-Length: 2"]));
        Add("Content-Length", "two different Content-Length lines (2 and 5)", o => Response(o, framing: ["Content-Length: 2", "Content-Length: 5"]));
        Add("Content-Length", "two different Content-Length lines (0 and 2)", o => Response(o, framing: ["Content-Length: 0", "Content-Length: 2"]));
        Add("Content-Length", "Content-Length: 2, 2", o => Response(o, framing: ["Content-Length: 2, 2"]));
        Add("Content-Length", "Content-Length: 2, 5", o => Response(o, framing: ["Content-Length: 2, 5"]));
        Add("Content-Length", "Content-Length: +2", o => Response(o, framing: ["Content-Length: +2"]));
        Add("Content-Length", "Content-Length: 02", o => Response(o, framing: ["Content-Length: 02"]));
        Add("Content-Length", "Content-Length: abc", o => Response(o, framing: ["Content-Length: abc"]));
        Add("Content-Length", "Content-Length: -1", o => Response(o, framing: ["Content-Length: -1"]));
        Add("Content-Length", "Content-Length larger than 64 bits", o => Response(o, framing: ["Content-Length: 99999999999999999999"]));
        Add("Content-Length", "no Content-Length: the body ends when the connection closes", o => Response(o, framing: []));
        Add("Transfer-Encoding", "chunked and Content-Length: 2", o => Response(o, framing: ["Transfer-Encoding: chunked", "Content-Length: 2"], body: "2\r\nok\r\n0\r\n\r\n"));
        Add("Transfer-Encoding", "chunked and Content-Length: 50", o => Response(o, framing: ["Content-Length: 50", "Transfer-Encoding: chunked"], body: "2\r\nok\r\n0\r\n\r\n"));
        Add("Transfer-Encoding", "chunked", o => Response(o, framing: ["Transfer-Encoding: chunked"], body: "2\r\nok\r\n0\r\n\r\n"));
        Add("Transfer-Encoding", "Transfer-Encoding: identity", o => Response(o, framing: ["Transfer-Encoding: identity"]));
        Add("Transfer-Encoding", "Transfer-Encoding: gzip, chunked (not decodable)", o => Response(o, framing: ["Transfer-Encoding: gzip, chunked"], body: "2\r\nok\r\n0\r\n\r\n"));
        Add("Transfer-Encoding", "Transfer-Encoding: bogus", o => Response(o, framing: ["Transfer-Encoding: bogus"]));

        Add("obs-fold", "Access-Control-Allow-Methods continued on a folded line", o => Response(o, after: ["Access-Control-Allow-Methods: GET,\r\n PUT"]));
        Add("obs-fold", "the origin continued on a folded line", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin:\r\n {o}"));
        Add("obs-fold", "the origin split by a fold", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin: {o[..8]}\r\n\t{o[8..]}"));
        Add("obs-fold", "a folded line right after the status line", o => Response(o, before: [" X-Note: b"]));

        Add("line endings", "every line ends with LF only", o => Response(o, eol: "\n"));
        Add("line endings", "the head ends with CR LF LF", o => Response(o).Replace("\r\n\r\nok", "\r\n\nok", StringComparison.Ordinal));
        Add("line endings", "the head ends with LF CR LF", o => Response(o).Replace("\r\n\r\nok", "\n\r\nok", StringComparison.Ordinal));
        Add("line endings", "the status line ends with LF only", o => Response(o).Replace("OK\r\n", "OK\n", StringComparison.Ordinal));
        Add("line endings", "lines end with CR only", o => Response(o, eol: "\r") + "\r\n\r\n");

        foreach (var status in new[]
        {
            "HTTP/1.1 200", "HTTP/1.1 200 ", "HTTP/1.0 200 OK", "HTTP/2.0 200 OK", "HTTP/1.2 200 OK", "HTTP/2 200 OK", "http/1.1 200 OK",
            "Http/1.1 200 OK", "HTTP/1.1  200 OK", "HTTP/1.1\t200 OK", "HTTP/1.1 200\tOK", "HTTP/1.1 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK",
            "HTTP/1.1 099 Low", "HTTP/1.1 600 High", "HTTP/1.1 999 High", "HTTP/1.1 200 Ok\x01", "HTTP/1.1 200 Ok\x00", "HTTP/1.1 200 Ok\xE9",
            "HTTP/1.1 2x0 OK", "ICY 200 OK", "HTTP/1.1", "HTTP/ 200 OK",
        })
        {
            Add("status line", $"status line \"{Printable(status)}\"", o => Response(o, status: status));
        }

        Add("interim response", "100 Continue first", o => Response(o, interim: "HTTP/1.1 100 Continue\r\n\r\n"));
        Add("interim response", "103 Early Hints with a Link first", o => Response(o, interim: "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"));
        Add("interim response", "two interim responses first", o => Response(o, interim: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n"));
        Add("interim response", "101 Switching Protocols first", o => Response(o, interim: "HTTP/1.1 101 Switching Protocols\r\n\r\n"));
        Add("interim response", "an interim response grants, the final one does not", o => Response(o, allowOrigin: string.Empty, interim: $"HTTP/1.1 100 Continue\r\nAccess-Control-Allow-Origin: {o}\r\n\r\n"));

        Add("header name", "a space before the colon", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin : {o}"));
        Add("header name", "a TAB before the colon", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin\t: {o}"));
        Add("header name", "a space inside another header's name", o => Response(o, after: ["X Note: b"]));
        Add("header name", "a space inside the origin header's name", o => Response(o, allowOrigin: $"Access-Control-Allow Origin: {o}"));
        Add("header name", "parentheses inside another header's name", o => Response(o, after: ["X(Note): b"]));
        Add("header name", "an empty header name", o => Response(o, after: [": b"]));
        Add("header name", "a line without a colon", o => Response(o, after: ["X-Note b"]));
        Add("header name", "a second colon in the value", o => Response(o, after: ["X-Note:: b"]));
        Add("header name", "no space after the colon", o => Response(o, allowOrigin: $"Access-Control-Allow-Origin:{o}"));
        Add("header name", "byte 0xE9 inside another header's name", o => Response(o, after: ["X-N\xE9te: b"]));
        Add("header name", "NUL inside another header's name", o => Response(o, after: ["X-N\0te: b"]));

        Add("case variants", "the origin header twice, in two casings", o => Response(o, allowOrigin: $"access-control-allow-origin: {o}", after: [$"ACCESS-CONTROL-ALLOW-ORIGIN: {o}"]));
        Add("case variants", "the methods header twice, in two casings", o => Response(o, after: ["access-control-allow-methods: GET"]));
        Add("case variants", "Content-Length twice, in two casings", o => Response(o, framing: ["content-length: 2", "CONTENT-LENGTH: 2"]));

        foreach (var kilobytes in HeaderKilobytes)
        {
            Add("size", $"a {kilobytes} KiB header value", o => Response(o, after: ["X-Padding: " + new string('a', kilobytes * 1024)]));
        }

        Add("size", "a 100 KiB header name", o => Response(o, after: [new string('X', 100 * 1024) + ": b"]));
        Add("size", "4,000 short header lines (about 60 KiB)", o => Response(o, after: [.. Enumerable.Range(0, 4000).Select(i => string.Create(CultureInfo.InvariantCulture, $"X-N{i}: v"))]));
        Add("size", "a 300 KiB body", o => Response(o, body: new string('b', 300 * 1024)));

        Add("outside the message", "the response arrives before the request", o => Response(o), early: true);
        Add("outside the message", "garbage after the body", o => Response(o) + "GARBAGE\r\n\r\n");
        Add("outside the message", "an empty line before the status line", o => "\r\n" + Response(o));
        Add("outside the message", "garbage before the status line", o => "XYZ " + Response(o));
        Add("outside the message", "the connection closes inside the head", o => Response(o)[..40]);
        Add("outside the message", "no response at all: the connection closes", _ => string.Empty);

        Add("duplicate fields", "two different Location lines", o => Response(o, after: ["Location: /a", "Location: /b"]));
        Add("duplicate fields", "two equal Location lines", o => Response(o, after: ["Location: /a", "Location: /a"]));
        Add("duplicate fields", "a Location with a comma", o => Response(o, after: ["Location: /a,b"]));
        Add("duplicate fields", "two different Content-Disposition lines", o => Response(o, after: ["Content-Disposition: inline", "Content-Disposition: attachment"]));
        Add("duplicate fields", "two different Content-Type lines", o => Response(o, after: ["Content-Type: text/html"]));
        return cases;
    }

    // The origin's line: the exact origin by default, the given line instead, or none when empty.
    private static string[] OriginLines(string origin, string? allowOrigin) =>
        allowOrigin is null ? [$"Access-Control-Allow-Origin: {origin}"] : allowOrigin.Length == 0 ? [] : [allowOrigin];

    private static string Printable(string text) => MalformedCase.Printable(text);
}

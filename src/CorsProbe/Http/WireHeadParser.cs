using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CorsProbing.Http;

/// <summary>
/// Reads a response head from raw bytes the way a browser's network stack does. By default Chromium's (net/http:
/// HttpStreamParser, HttpUtil::AssembleRawHeaders, HttpResponseHeaders), which is more lenient than .NET's parser in
/// some places and stricter in others: the status line may start up to 4 bytes in; a missing status code means 200; CR
/// alone breaks a line; lines whose name is not a token are dropped; but a NUL byte anywhere, a head over 256 KiB, a
/// head cut short over TLS, or two different Content-Length (or Location) values fail the request. Firefox's and
/// WebKit's differences are <see cref="WireRules"/>.
/// </summary>
/// <remarks>
/// Every response goes through the reader three times from the first probe on, so the methods every reading runs are
/// compiled optimized at once instead of through the JIT's tiers: in a fresh process that saves about a quarter of the CPU of
/// the first 20,000 probes (benchmarks/README.md), and a long-running process loses nothing measurable.
/// </remarks>
internal static class WireHeadParser
{
    /// <summary>Chromium's limit on a response head (kMaxHeaderBufSize).</summary>
    public const int MaxHeadBytes = 256 * 1024;

    private const int StatusLineSlop = 4;

    private static readonly SearchValues<byte> Token = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private static readonly SearchValues<byte> LineBreaks = SearchValues.Create("\r\n"u8);

    private static readonly SearchValues<byte> LineFeed = SearchValues.Create("\n"u8);

    // The names servers commonly send, as they spell them: a line whose name is one of these gets this string, as .NET's
    // parser names the headers it knows with one string. Read-only.
    private static readonly string[] KnownNames =
    [
        "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods",
        "Access-Control-Allow-Headers", "Access-Control-Max-Age", "Access-Control-Expose-Headers", "Vary", "Location",
        "Content-Type", "Content-Length", "Date", "Server", "Connection", "Keep-Alive", "Transfer-Encoding", "Cache-Control",
    ];


    /// <summary>
    /// Where the final (non-1xx) head in <paramref name="bytes"/> ends (the offset after its blank line), or -1 when
    /// more bytes are needed to judge it; the whole length when they are already enough (not HTTP, or over the limit).
    /// </summary>
    public static int FinalHeadEnd(ReadOnlySpan<byte> bytes) => FinalHeadEnd(bytes, WireRules.Chromium);

    /// <summary>As <see cref="FinalHeadEnd(ReadOnlySpan{byte})"/>, where an engine with <paramref name="rules"/> finds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FinalHeadEnd(ReadOnlySpan<byte> bytes, WireRules rules)
    {
        var offset = 0;
        while (true)
        {
            var start = StatusLineStart(bytes[offset..], rules);
            if (start < 0)
            {
                // Not HTTP at all: what arrived is enough to judge.
                return bytes.Length - offset > StatusLineSlop ? bytes.Length : -1;
            }

            var end = HeadEnd(bytes, offset + start);
            if (end < 0)
            {
                return bytes.Length - offset - start > MaxHeadBytes ? bytes.Length : -1;
            }

            if (!IsInterim(bytes[(offset + start)..end], rules))
            {
                return end;
            }

            offset = end;
        }
    }

    /// <summary>
    /// Reads the head at the start of <paramref name="bytes"/> (everything the connection delivered for one response) as
    /// an engine with <paramref name="rules"/> does (Chromium's by default). <paramref name="ended"/> says the connection
    /// closed after these bytes; <paramref name="tls"/> that it was HTTPS. <paramref name="earlier"/> is another engine's
    /// reading of the same bytes: its strings are reused where this reading has the same text, and it is returned itself
    /// when this reading is the same. <paramref name="fields"/> gathers the lines (cleared first; the caller may pass one
    /// list to each engine's reading of a head in turn). Null when the bytes stop before the head is complete and the
    /// connection did not end (nothing to judge).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WireHead? Parse(
        ReadOnlySpan<byte> bytes, bool ended, bool tls, WireRules? rules = null, WireHead? earlier = null, List<KeyValuePair<string, string>>? fields = null)
    {
        rules ??= WireRules.Chromium;
        fields ??= new List<KeyValuePair<string, string>>(earlier?.Lines.Length ?? 16);
        fields.Clear();
        List<string>? leniencies = null;
        var offset = 0;
        while (true)
        {
            var rest = bytes[offset..];
            var start = StatusLineStart(rest, rules);
            if (start < 0)
            {
                if (rest.Length <= StatusLineSlop && !ended)
                {
                    return null;
                }

                return WireHead.Refused(rest.IsEmpty
                    ? "the connection closed before any response byte arrived"
                    : $"the response does not start with an HTTP status line (it starts {Shown(rest[..Math.Min(rest.Length, 24)])}): browsers take it for HTTP/0.9, which they refuse");
            }

            if (start > 0)
            {
                Note(ref leniencies, $"{start.ToString(CultureInfo.InvariantCulture)} byte(s) before the status line ({Shown(rest[..start])}) were skipped");
            }

            var head = rest[start..];
            var end = HeadEnd(head, 0);
            if (end < 0 || end > rules.MaxHeadBytes)
            {
                if (head.Length > rules.MaxHeadBytes)
                {
                    return WireHead.Refused($"the response head is larger than {rules.MaxHeadBytes / 1024} KiB, which browsers refuse");
                }

                if (!ended)
                {
                    return null;
                }

                if (tls)
                {
                    return WireHead.Refused($"the connection closed inside the response head, after {Shown(head[..Math.Min(head.Length, 40)])}: browsers refuse a truncated head over HTTPS");
                }

                end = head.Length;
            }

            head = head[..end];
            if (rules.RefusesNul && head.IndexOf((byte)0) is var nul and >= 0)
            {
                return WireHead.Refused($"a NUL byte (0x00) at byte {(offset + start + nul).ToString(CultureInfo.InvariantCulture)}, in the line {Shown(LineAround(head, nul))}: browsers fail a response whose head contains NUL");
            }

            var statusLine = StatusLine(head, rules);
            var status = StatusCode(statusLine, out var reason);
            if (rules.RefusesSwitchingProtocols && status == 101)
            {
                return WireHead.Refused("a 101 Switching Protocols answer, though no upgrade was asked for: the browser fails the request");
            }

            if (status is >= 100 and < 200)
            {
                offset += start + end;
                leniencies = null;
                continue;
            }

            return Read(head, statusLine, status, reason, leniencies, rules, earlier, fields);
        }
    }

    // HttpUtil::LocateStartOfStatusLine: "HTTP" (any case) within the first few bytes; Firefox and WebKit want
    // "HTTP/" exactly, or a Shoutcast "ICY ".
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int StatusLineStart(ReadOnlySpan<byte> bytes, WireRules rules)
    {
        var skipped = rules.SkipsEmptyLinesBeforeStatus && bytes.IndexOfAnyExcept(LineBreaks) is var first and > 0 ? first : 0;
        if (rules.AcceptsIcy && bytes[skipped..].StartsWith("ICY "u8))
        {
            return skipped;
        }

        for (var i = skipped; i <= skipped + rules.StatusLineSlop && i + 4 <= bytes.Length; i++)
        {
            if (rules.HttpPrefixIgnoresCase ? Ascii.EqualsIgnoreCase(bytes.Slice(i, 4), "HTTP"u8) : bytes[i..].StartsWith("HTTP/"u8))
            {
                return i;
            }
        }

        return -1;
    }

    // The status line: up to the first CR or LF (Chromium), or up to LF with trailing CRs taken off.
    private static ReadOnlySpan<byte> StatusLine(ReadOnlySpan<byte> head, WireRules rules)
    {
        var end = head.IndexOfAny(rules.BareCrBreaksLine ? LineBreaks : LineFeed);
        var line = end < 0 ? head : head[..end];
        return rules.BareCrBreaksLine ? line : TrimCrs(line, rules);
    }

    private static ReadOnlySpan<byte> TrimCrs(ReadOnlySpan<byte> line, WireRules rules)
    {
        var trimmed = line.TrimEnd((byte)'\r');
        return line.Length - trimmed.Length <= rules.TrailingCrs ? trimmed : line[..^rules.TrailingCrs];
    }

    // HttpUtil::LocateEndOfHeaders: LF, optionally CR, then LF.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int HeadEnd(ReadOnlySpan<byte> bytes, int from)
    {
        for (var i = from; bytes[i..].IndexOf((byte)'\n') is var lf and >= 0;)
        {
            i += lf + 1;
            var next = bytes[i..];
            if (next.StartsWith("\n"u8) || next.StartsWith("\r\n"u8))
            {
                return i + (next[0] == '\n' ? 1 : 2);
            }
        }

        return -1;
    }

    private static bool IsInterim(ReadOnlySpan<byte> head, WireRules rules) => StatusCode(StatusLine(head, rules), out _) is >= 100 and < 200;

    // HttpUtil::AssembleRawHeaders, then HttpUtil::HeadersIterator: the status line ends at the first CR or LF; after
    // it, CR and LF both break lines, empty lines vanish, and a line starting with a space or tab continues a previous
    // line that had a name. Lines are read from the bytes; only a folded line is joined into a string first.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static WireHead Read(
        ReadOnlySpan<byte> head, ReadOnlySpan<byte> statusLine, int status, ReadOnlySpan<byte> reason, List<string>? leniencies, WireRules rules, WireHead? earlier,
        List<KeyValuePair<string, string>> fields)
    {
        var breaks = rules.BareCrBreaksLine ? LineBreaks : LineFeed;
        var statusEnd = head.IndexOfAny(breaks);
        if (rules.StrictStatusLine && StrictStatusDefect(statusLine, rules) is { } statusDefect)
        {
            return WireHead.Refused(statusDefect);
        }

        var strict = status < 0 || IsStrictStatusLine(statusLine);
        if (status < 0)
        {
            Note(ref leniencies, $"the status line {Shown(statusLine)} has no status code: browsers take it as 200");
            status = 200;
            reason = default;
        }

        var position = statusEnd < 0 ? head.Length : statusEnd;
        var (lineStart, lineLength) = (-1, 0);
        string? joined = null;
        var continuable = false;
        while (position < head.Length)
        {
            if (rules.BareCrBreaksLine && head[position] == '\r' && position + 1 < head.Length && !LineBreaks.Contains(head[position + 1]))
            {
                var ended = joined ?? Latin1(lineStart < 0 ? statusLine : head.Slice(lineStart, lineLength));
                Note(ref leniencies, $"a bare CR ends the line {Quoted(ended)}: browsers break the line there, .NET reads a space");
            }

            var next = head[position..].IndexOfAnyExcept(breaks);
            if (next < 0)
            {
                break;
            }

            position += next;
            var raw = head[position..].IndexOfAny(breaks);
            raw = raw < 0 ? head.Length - position : raw;
            var line = head.Slice(position, raw);
            var length = raw;
            if (!rules.BareCrBreaksLine)
            {
                // Only LF ends a line: the CRs before it are taken off, and a line of CRs alone is an empty line.
                line = TrimCrs(line, rules);
                length = line.Length;
                if (line.IsEmpty || line.IndexOfAnyExcept((byte)'\r') < 0)
                {
                    position += raw;
                    continue;
                }
            }

            if (continuable && line[0] is (byte)' ' or (byte)'\t')
            {
                var continued = joined ?? Latin1(head.Slice(lineStart, lineLength));
                Note(ref leniencies, $"the folded line {Shown(line)} continues {Quoted(continued)} (obsolete line folding)");
                joined = continued + " " + Latin1(line.TrimStart(" \t"u8));
            }
            else
            {
                Add(fields, Field(head, lineStart, lineLength, joined, ref leniencies, rules, Earlier(earlier, fields.Count)));
                (lineStart, lineLength, joined) = (position, length, null);
                continuable = line.IndexOf((byte)':') > 0 && line[0] is not ((byte)' ' or (byte)'\t');
            }

            position += raw;
        }

        Add(fields, Field(head, lineStart, lineLength, joined, ref leniencies, rules, Earlier(earlier, fields.Count)));
        var reasonText = reason.IsEmpty ? null : Text(reason, earlier?.ReasonPhrase);
        var defect = (rules.RefusesConflicts ? Conflict(fields) : null) ?? (rules.StrictFraming ? Framing(fields) : null)
            ?? (rules.RefusesNulInValues ? NulInValue(fields) : null);
        if (defect is not null)
        {
            return WireHead.Refused(defect);
        }

        if (!strict)
        {
            Note(ref leniencies, $"the status line {Shown(statusLine)} is not 'HTTP/1.x <three digits> <reason>' as RFC 9112 writes it: strict HTTP/1.1 parsers (.NET's, proxies) may refuse it");
        }

        IReadOnlyList<string> notes = leniencies ?? (IReadOnlyList<string>)[];
        return earlier is { Defect: null } && earlier.Status == status && ReferenceEquals(earlier.ReasonPhrase, reasonText)
            && SameStrings(earlier.Lines, fields) && earlier.Leniencies.SequenceEqual(notes)
            ? earlier
            : new WireHead(status, reasonText, [.. fields], null, notes);
    }

    private static void Add(List<KeyValuePair<string, string>> fields, KeyValuePair<string, string>? field)
    {
        if (field is not null)
        {
            fields.Add(field.Value);
        }
    }

    // A line needs a colon and a token name (trailing spaces and tabs trimmed); others are dropped.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static KeyValuePair<string, string>? Field(
        ReadOnlySpan<byte> head, int start, int length, string? joined, ref List<string>? leniencies, WireRules rules, KeyValuePair<string, string> earlier)
    {
        if (start < 0)
        {
            return null;
        }

        var line = joined is null ? head.Slice(start, length) : Encoding.Latin1.GetBytes(joined);
        var colon = line.IndexOf((byte)':');
        var name = colon <= 0 || line[0] is (byte)' ' or (byte)'\t' ? default : line[..colon].TrimEnd(" \t"u8);
        if (name.IsEmpty || name.ContainsAnyExcept(Token))
        {
            Note(ref leniencies, $"the line {Shown(line)} was dropped: {(colon < 0 ? "it has no colon" : "its name is not a valid header name")}");
            return null;
        }

        if (name.Length != colon)
        {
            if (rules.DropsWhitespaceBeforeColon)
            {
                Note(ref leniencies, $"the line {Shown(line)} was dropped: it has whitespace before its colon");
                return null;
            }

            Note(ref leniencies, $"the line {Shown(line)} has whitespace before its colon");
        }

        return new(Text(name, earlier.Key ?? KnownName(name)), Text(line[(colon + 1)..].Trim(" \t"u8), earlier.Value));
    }

    // HttpResponseHeaders::ParseStatusLine: the code is the digits after the first space; none means 200.
    private static int StatusCode(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> reason)
    {
        reason = default;
        var space = line.IndexOf((byte)' ');
        if (space < 0)
        {
            return -1;
        }

        var code = line[space..].TrimStart((byte)' ');
        var digits = code.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        digits = digits < 0 ? code.Length : digits;
        if (digits == 0)
        {
            return -1;
        }

        reason = code[digits..].Trim((byte)' ');
        var status = 0;
        foreach (var digit in code[..Math.Min(digits, 9)])
        {
            status = (status * 10) + (digit - '0');
        }

        return status;
    }

    // RFC 9112, "Status Line", on an HTTP/1.1 connection: status-line = HTTP-version SP status-code SP [ reason-phrase ],
    // the version HTTP/1.x, the code three digits, the reason HTAB, SP, VCHAR or obs-text.
    private static bool IsStrictStatusLine(ReadOnlySpan<byte> line) =>
        line.Length >= 12 && line.StartsWith("HTTP/1."u8) && char.IsAsciiDigit((char)line[7]) && line[8] == ' '
        && line.Slice(9, 3).IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
        && (line.Length == 12 || (line[12] == ' ' && line[13..].IndexOfAnyInRange((byte)0, (byte)8) < 0
            && line[13..].IndexOfAnyInRange((byte)10, (byte)31) < 0 && !line[13..].Contains((byte)0x7f)));

    // Firefox (nsHttpResponseHead::ParseStatusLine) and WebKit (soup_headers_parse_status_line): a version with a
    // digit after "HTTP/" (WebKit: 1.0 or 1.1 only), a space (or, in WebKit, a tab), and exactly three digits.
    private static string? StrictStatusDefect(ReadOnlySpan<byte> line, WireRules rules)
    {
        var separators = rules.TabSeparatesStatus ? " \t"u8 : " "u8;
        var icy = line.StartsWith("ICY "u8);
        var separator = icy ? 3 : line.IndexOfAny(separators);
        var version = separator < 0 ? line : line[..separator];
        var goodVersion = icy
            || (rules.OnlyHttp1 ? version.SequenceEqual("HTTP/1.1"u8) || version.SequenceEqual("HTTP/1.0"u8) : version.Length > 5 && char.IsAsciiDigit((char)version[5]));
        var code = separator < 0 ? default : line[separator..].TrimStart(separators);
        var digits = code.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        digits = digits < 0 ? code.Length : digits;
        var value = 0;
        foreach (var digit in code[..Math.Min(digits, 4)])
        {
            value = (value * 10) + (digit - '0');
        }

        var goodCode = (separator < 0 && rules.MissingStatusIs200)
            || (digits is >= 1 and <= 3 && (code.Length == digits || code[digits] is (byte)' ' or (byte)'\t') && value >= rules.MinimumStatus);
        return goodVersion && goodCode
            ? null
            : $"the status line {Shown(line)} is not 'HTTP/<version> <code> <reason>': the browser fails the request";
    }

    // WebKit (libsoup): the message's length must be one number (strtoull's: a sign allowed), and the only coding chunked.
    private static string? Framing(List<KeyValuePair<string, string>> fields)
    {
        foreach (var (name, value) in fields)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && (value.TrimStart('+', '-') is var digits && (digits.Length == 0 || digits.AsSpan().ContainsAnyExceptInRange('0', '9') || value.Length - digits.Length > 1)))
            {
                return $"Content-Length is {Quoted(value)}, not one number: the browser fails the request";
            }

            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                && !value.Equals("chunked", StringComparison.OrdinalIgnoreCase) && !value.Equals("identity", StringComparison.OrdinalIgnoreCase))
            {
                return $"Transfer-Encoding is {Quoted(value)}: the browser decodes only chunked, and fails the request";
            }
        }

        return null;
    }

    // Firefox: a header value with a NUL byte fails the request (a name with one is no token: its line is dropped).
    private static string? NulInValue(List<KeyValuePair<string, string>> fields)
    {
        foreach (var (name, value) in fields)
        {
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                return $"a NUL byte (0x00) in the value of {name}: the browser fails a response whose header value contains NUL";
            }
        }

        return null;
    }

    // HttpStreamParser: different Content-Length values (unless chunked), Location or Content-Disposition values are
    // taken for response splitting. Content-Length is a comma list; the other two are whole values.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Conflict(List<KeyValuePair<string, string>> fields)
    {
        var chunked = false;
        foreach (var (name, value) in fields)
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var element in value.Split(','))
                {
                    chunked |= element.AsSpan().Trim(' ').Equals("chunked", StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        string? length = null, location = null, disposition = null;
        foreach (var (name, value) in fields)
        {
            var (first, other) = name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !chunked ? (Differs(ref length, value, list: true), "Content-Length")
                : name.Equals("Location", StringComparison.OrdinalIgnoreCase) ? (Differs(ref location, value, list: false), "Location")
                : name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase) ? (Differs(ref disposition, value, list: false), "Content-Disposition")
                : (null, null);
            if (first is not null)
            {
                return $"{other} has different values ({Quoted(first.Value.First)} and {Quoted(first.Value.Other)}): browsers fail the request, taking it for response splitting";
            }
        }

        return null;
    }

    // The first value seen and the one that differs from it, or null; `first` records the first value (for a list,
    // its first element).
    private static (string First, string Other)? Differs(ref string? first, string value, bool list)
    {
        if (!list || !value.Contains(',', StringComparison.Ordinal))
        {
            first ??= value;
            return first.Equals(value, StringComparison.Ordinal) ? null : (first, value);
        }

        foreach (var part in value.Split(','))
        {
            var element = part.Trim(' ');
            first ??= element;
            if (!element.Equals(first, StringComparison.Ordinal))
            {
                return (first, element);
            }
        }

        return null;
    }

    // The line at the same place in another engine's reading, if there is one.
    private static KeyValuePair<string, string> Earlier(WireHead? earlier, int index) =>
        earlier is not null && index < earlier.Lines.Length ? earlier.Lines[index] : default;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? KnownName(ReadOnlySpan<byte> name)
    {
        foreach (var known in KnownNames)
        {
            if (known.Length == name.Length && Ascii.Equals(name, known))
            {
                return known;
            }
        }

        return null;
    }

    // The text of `bytes`: `same` when it reads the same, else a new string.
    private static string Text(ReadOnlySpan<byte> bytes, string? same) =>
        same is not null && Ascii.Equals(bytes, same) ? same : Latin1(bytes);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SameStrings(KeyValuePair<string, string>[] one, List<KeyValuePair<string, string>> other)
    {
        if (one.Length != other.Count)
        {
            return false;
        }

        for (var i = 0; i < one.Length; i++)
        {
            if (!ReferenceEquals(one[i].Key, other[i].Key) || !ReferenceEquals(one[i].Value, other[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    private static void Note(ref List<string>? leniencies, string text) => (leniencies ??= []).Add(text);

    private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    private static ReadOnlySpan<byte> LineAround(ReadOnlySpan<byte> head, int index)
    {
        var start = head[..index].LastIndexOfAny(LineBreaks) + 1;
        var end = head[index..].IndexOfAny(LineBreaks);
        return end < 0 ? head[start..] : head[start..(index + end)];
    }

    private static string Shown(ReadOnlySpan<byte> bytes) => Quoted(Latin1(bytes));

    // Control bytes and bytes beyond ASCII are shown as \xNN so the report names the byte.
    private static string Quoted(string text)
    {
        var shown = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text.Length > 80 ? text[..80] : text)
        {
            _ = c is < ' ' or >= '\x7f' ? shown.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : shown.Append(c);
        }

        return shown.Append(text.Length > 80 ? "…'" : "'").ToString();
    }
}

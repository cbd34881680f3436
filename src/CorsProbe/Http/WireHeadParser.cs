using System.Buffers;
using System.Globalization;
using System.Text;

namespace CorsProbing.Http;

/// <summary>
/// Reads a response head from raw bytes the way Chromium's network stack does (net/http: HttpStreamParser,
/// HttpUtil::AssembleRawHeaders, HttpResponseHeaders), which is more lenient than .NET's parser in some places and
/// stricter in others: the status line may start up to 4 bytes in; a missing status code means 200; CR alone breaks a
/// line; lines whose name is not a token are dropped; but a NUL byte anywhere, a head over 256 KiB, a head cut short
/// over TLS, or two different Content-Length (or Location) values fail the request.
/// </summary>
internal static class WireHeadParser
{
    /// <summary>Chromium's limit on a response head (kMaxHeaderBufSize).</summary>
    public const int MaxHeadBytes = 256 * 1024;

    private const int StatusLineSlop = 4;

    private static readonly SearchValues<char> Token = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// Where the final (non-1xx) head in <paramref name="bytes"/> ends (the offset after its blank line), or -1 when
    /// more bytes are needed to judge it; the whole length when they are already enough (not HTTP, or over the limit).
    /// </summary>
    public static int FinalHeadEnd(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (true)
        {
            var start = StatusLineStart(bytes[offset..]);
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

            if (!IsInterim(bytes[(offset + start)..end]))
            {
                return end;
            }

            offset = end;
        }
    }

    /// <summary>
    /// Reads the head at the start of <paramref name="bytes"/> (everything the connection delivered for one response).
    /// <paramref name="ended"/> says the connection closed after these bytes; <paramref name="tls"/> that it was HTTPS.
    /// Null when the bytes stop before the head is complete and the connection did not end (nothing to judge).
    /// </summary>
    public static WireHead? Parse(ReadOnlySpan<byte> bytes, bool ended, bool tls)
    {
        var leniencies = new List<string>();
        var offset = 0;
        while (true)
        {
            var rest = bytes[offset..];
            var start = StatusLineStart(rest);
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
                leniencies.Add($"{start.ToString(CultureInfo.InvariantCulture)} byte(s) before the status line ({Shown(rest[..start])}) were skipped");
            }

            var head = rest[start..];
            var end = HeadEnd(head, 0);
            if (end < 0 || end > MaxHeadBytes)
            {
                if (head.Length > MaxHeadBytes)
                {
                    return WireHead.Refused($"the response head is larger than {MaxHeadBytes / 1024} KiB, the browsers' limit");
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

            var text = Encoding.Latin1.GetString(head[..end]);
            if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
            {
                return WireHead.Refused($"a NUL byte (0x00) at byte {(offset + start + nul).ToString(CultureInfo.InvariantCulture)}, in the line {Quoted(LineAround(text, nul))}: browsers fail a response whose head contains NUL");
            }

            var lines = AssembleLines(text, leniencies);
            if (IsInterim(head[..end]))
            {
                offset += start + end;
                leniencies.Clear();
                continue;
            }

            var (status, reason) = ParseStatusLine(lines[0], leniencies);
            var fields = ParseFields(lines, leniencies);
            return Conflict(fields) is { } conflict
                ? WireHead.Refused(conflict)
                : new WireHead(status, reason, fields, null, leniencies);
        }
    }

    // HttpUtil::LocateStartOfStatusLine: "HTTP" (any case) within the first few bytes.
    private static int StatusLineStart(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i <= StatusLineSlop && i + 4 <= bytes.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(bytes.Slice(i, 4), "HTTP"u8))
            {
                return i;
            }
        }

        return -1;
    }

    // HttpUtil::LocateEndOfHeaders: LF, optionally CR, then LF.
    private static int HeadEnd(ReadOnlySpan<byte> bytes, int from)
    {
        var wasLf = false;
        byte last = 0;
        for (var i = from; i < bytes.Length; i++)
        {
            var c = bytes[i];
            if (c == '\n')
            {
                if (wasLf)
                {
                    return i + 1;
                }

                wasLf = true;
            }
            else if (c != '\r' || last != '\n')
            {
                wasLf = false;
            }

            last = c;
        }

        return -1;
    }

    private static bool IsInterim(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOfAny((byte)'\r', (byte)'\n');
        var status = StatusCode(Encoding.Latin1.GetString(lineEnd < 0 ? head : head[..lineEnd]), out _);
        return status is >= 100 and < 200;
    }

    // HttpUtil::AssembleRawHeaders: the status line ends at the first CR or LF; after it, CR and LF both break lines,
    // empty lines vanish, and a line starting with a space or tab continues a previous line that had a name.
    private static List<string> AssembleLines(string head, List<string> leniencies)
    {
        var statusEnd = head.AsSpan().IndexOfAny('\r', '\n');
        var lines = new List<string> { statusEnd < 0 ? head : head[..statusEnd] };
        var continuable = false;
        var position = statusEnd < 0 ? head.Length : statusEnd;
        while (position < head.Length)
        {
            if (head[position] is '\r' && (position + 1 >= head.Length || head[position + 1] != '\n'))
            {
                var after = head.AsSpan(position + 1).IndexOfAny('\r', '\n');
                if (head.AsSpan(position + 1, after < 0 ? head.Length - position - 1 : after).Length > 0)
                {
                    leniencies.Add($"a bare CR ends the line {Quoted(lines[^1])}: browsers break the line there, .NET reads a space");
                }
            }

            var next = head.AsSpan(position).IndexOfAnyExcept('\r', '\n');
            if (next < 0)
            {
                break;
            }

            position += next;
            var length = head.AsSpan(position).IndexOfAny('\r', '\n');
            var line = length < 0 ? head[position..] : head.Substring(position, length);
            position += line.Length;
            if (continuable && line[0] is ' ' or '\t')
            {
                leniencies.Add($"the folded line {Quoted(line)} continues {Quoted(lines[^1])} (obsolete line folding)");
                lines[^1] = lines[^1] + " " + line.TrimStart(' ', '\t');
                continue;
            }

            lines.Add(line);
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            continuable = colon > 0 && line[0] is not (' ' or '\t');
        }

        return lines;
    }

    // HttpResponseHeaders::ParseStatusLine: the code is the digits after the first space; none means 200.
    private static (int Status, string? Reason) ParseStatusLine(string line, List<string> leniencies)
    {
        var status = StatusCode(line, out var reason);
        if (status < 0)
        {
            leniencies.Add($"the status line {Quoted(line)} has no status code: browsers take it as 200");
            return (200, null);
        }

        return (status, reason);
    }

    private static int StatusCode(string line, out string? reason)
    {
        reason = null;
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return -1;
        }

        var code = line.AsSpan(space).TrimStart(' ');
        var digits = code.IndexOfAnyExceptInRange('0', '9');
        digits = digits < 0 ? code.Length : digits;
        if (digits == 0)
        {
            return -1;
        }

        var text = code[digits..].Trim(' ');
        reason = text.IsEmpty ? null : text.ToString();
        return int.TryParse(code[..Math.Min(digits, 9)], NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : -1;
    }

    // HttpUtil::HeadersIterator: a line needs a colon and a token name (trailing spaces and tabs trimmed); others are dropped.
    private static KeyValuePair<string, string>[] ParseFields(List<string> lines, List<string> leniencies)
    {
        var fields = new List<KeyValuePair<string, string>>(lines.Count - 1);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon <= 0 || line[0] is ' ' or '\t' ? string.Empty : line[..colon].TrimEnd(' ', '\t');
            if (name.Length == 0 || name.AsSpan().ContainsAnyExcept(Token))
            {
                leniencies.Add($"the line {Quoted(line)} was dropped: {(colon < 0 ? "it has no colon" : "its name is not a valid header name")}");
                continue;
            }

            if (name.Length != colon)
            {
                leniencies.Add($"the line {Quoted(line)} has whitespace before its colon");
            }

            fields.Add(new(name, line[(colon + 1)..].Trim(' ', '\t')));
        }

        return [.. fields];
    }

    // HttpStreamParser: different Content-Length values (unless chunked), Location or Content-Disposition values are
    // taken for response splitting.
    private static string? Conflict(KeyValuePair<string, string>[] fields)
    {
        var chunked = Values(fields, "Transfer-Encoding", split: true).Any(v => v.Equals("chunked", StringComparison.OrdinalIgnoreCase));
        foreach (var (name, split) in new[] { ("Content-Length", true), ("Location", false), ("Content-Disposition", false) })
        {
            if (name == "Content-Length" && chunked)
            {
                continue;
            }

            var values = Values(fields, name, split).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > 1)
            {
                return $"{name} has different values ({string.Join(" and ", values.Select(Quoted))}): browsers fail the request, taking it for response splitting";
            }
        }

        return null;
    }

    private static IEnumerable<string> Values(KeyValuePair<string, string>[] fields, string name, bool split) =>
        fields.Where(f => f.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => split ? f.Value.Split(',', StringSplitOptions.TrimEntries) : [f.Value]);

    private static string LineAround(string text, int index)
    {
        var start = text.AsSpan(0, index).LastIndexOfAny('\r', '\n') + 1;
        var end = text.AsSpan(index).IndexOfAny('\r', '\n');
        return end < 0 ? text[start..] : text[start..(index + end)];
    }

    private static string Shown(ReadOnlySpan<byte> bytes) => Quoted(Encoding.Latin1.GetString(bytes));

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

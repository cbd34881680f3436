using static CorsProbing.Http.WireText;

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
    /// <summary>
    /// Where the final (non-1xx) head in <paramref name="bytes"/> ends (the offset after its blank line), or -1 when
    /// more bytes are needed to judge it; the whole length when they are already enough (not HTTP, or over the limit).
    /// Where an engine with <paramref name="rules"/> finds it; Chromium's by default.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FinalHeadEnd(ReadOnlySpan<byte> bytes, WireRules? rules = null)
    {
        rules ??= WireRules.Chromium;
        var offset = 0;
        while (true)
        {
            var start = WireStatusLine.Start(bytes[offset..], rules);
            if (start < 0)
            {
                // Not HTTP at all: what arrived is enough to judge.
                return bytes.Length - offset > rules.StatusLineSlop ? bytes.Length : -1;
            }

            var end = HeadEnd(bytes, offset + start);
            if (end < 0)
            {
                return bytes.Length - offset - start > rules.MaxHeadBytes ? bytes.Length : -1;
            }

            if (!WireStatusLine.IsInterim(bytes[(offset + start)..end], rules))
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
            var start = WireStatusLine.Start(rest, rules);
            if (start < 0)
            {
                if (rest.Length <= WireRules.Chromium.StatusLineSlop && !ended)
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

            var statusLine = WireStatusLine.Of(head, rules);
            var status = WireStatusLine.Code(statusLine, out var reason);
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

    // HttpUtil::AssembleRawHeaders, then HttpUtil::HeadersIterator: the status line ends at the first CR or LF; after
    // it, CR and LF both break lines, empty lines vanish, and a line starting with a space or tab continues a previous
    // line that had a name. Lines are read from the bytes; only a folded line is joined into a string first.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static WireHead Read(
        ReadOnlySpan<byte> head, ReadOnlySpan<byte> statusLine, int status, ReadOnlySpan<byte> reason, List<string>? leniencies, WireRules rules, WireHead? earlier,
        List<KeyValuePair<string, string>> fields)
    {
        var breaks = WireStatusLine.Breaks(rules);
        var statusEnd = head.IndexOfAny(breaks);
        if (WireChecks.StatusLineDefect(statusLine, rules) is { } statusDefect)
        {
            return WireHead.Refused(statusDefect);
        }

        var strict = status < 0 || WireChecks.IsStrictStatusLine(statusLine);
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
            if (rules.BareCrBreaksLine && head[position] == '\r' && position + 1 < head.Length && head[position + 1] is not ((byte)'\r' or (byte)'\n'))
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
                line = rules.TrimTrailingCrs(line);
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
                Add(fields, WireField.Read(head, lineStart, lineLength, joined, ref leniencies, rules, Earlier(earlier, fields.Count)));
                (lineStart, lineLength, joined) = (position, length, null);
                continuable = line.IndexOf((byte)':') > 0 && line[0] is not ((byte)' ' or (byte)'\t');
            }

            position += raw;
        }

        Add(fields, WireField.Read(head, lineStart, lineLength, joined, ref leniencies, rules, Earlier(earlier, fields.Count)));
        var reasonText = reason.IsEmpty ? null : WireField.Text(reason, earlier?.ReasonPhrase);
        if (WireChecks.FieldsDefect(fields, rules) is { } defect)
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

    // The line at the same place in another engine's reading, if there is one.
    private static KeyValuePair<string, string> Earlier(WireHead? earlier, int index) =>
        earlier is not null && index < earlier.Lines.Length ? earlier.Lines[index] : default;

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

    /// <summary>Adds <paramref name="text"/> to the leniencies of the head being read.</summary>
    public static void Note(ref List<string>? leniencies, string text) => (leniencies ??= []).Add(text);
}

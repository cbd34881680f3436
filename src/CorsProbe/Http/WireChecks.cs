using static CorsProbing.Http.WireText;

namespace CorsProbing.Http;

/// <summary>
/// The checks by which an engine fails a request whose head it could read: a status line its strict reader refuses,
/// conflicting values taken for response splitting, framing it cannot follow, a NUL in a value. Each runs only for the
/// engines whose <see cref="WireRules"/> ask for it; each returns the defect, naming the line, or null.
/// </summary>
internal static class WireChecks
{
    /// <summary>
    /// What an engine with a strict status line (<see cref="WireRules.StrictStatusLine"/>) refuses in <paramref name="line"/>,
    /// or null. Firefox (nsHttpResponseHead::ParseStatusLine) and WebKit (soup_headers_parse_status_line): a version
    /// with a digit after "HTTP/" (WebKit: 1.0 or 1.1 only), a space (or, in WebKit, a tab), and one to three digits.
    /// </summary>
    public static string? StatusLineDefect(ReadOnlySpan<byte> line, WireRules rules)
    {
        if (!rules.StrictStatusLine)
        {
            return null;
        }

        var separators = rules.TabSeparatesStatus ? " \t"u8 : " "u8;
        var code = WireStatusLine.Code(line, separators, out var digits, out var rest);
        var version = digits < 0 ? line : line[..line.IndexOfAny(separators)];
        var goodVersion = line.StartsWith("ICY "u8)
            || (rules.OnlyHttp1 ? version.SequenceEqual("HTTP/1.1"u8) || version.SequenceEqual("HTTP/1.0"u8) : version.Length > 5 && char.IsAsciiDigit((char)version[5]));
        var goodCode = (digits < 0 && rules.MissingStatusIs200)
            || (digits is >= 1 and <= 3 && (rest.IsEmpty || rest[0] is (byte)' ' or (byte)'\t') && code >= rules.MinimumStatus);
        return goodVersion && goodCode
            ? null
            : $"the status line {Shown(line)} is not 'HTTP/<version> <code> <reason>': the browser fails the request";
    }

    /// <summary>
    /// Whether <paramref name="line"/> is a status line as RFC 9112 writes it on an HTTP/1.1 connection: HTTP/1.x, SP,
    /// three digits, and SP with a reason of HTAB, SP, VCHAR or obs-text, if any.
    /// </summary>
    public static bool IsStrictStatusLine(ReadOnlySpan<byte> line) =>
        line.Length >= 12 && line.StartsWith("HTTP/1."u8) && char.IsAsciiDigit((char)line[7]) && line[8] == ' '
        && line.Slice(9, 3).IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
        && (line.Length == 12 || (line[12] == ' ' && line[13..].IndexOfAnyInRange((byte)0, (byte)8) < 0
            && line[13..].IndexOfAnyInRange((byte)10, (byte)31) < 0 && !line[13..].Contains((byte)0x7f)));

    /// <summary>What an engine with <paramref name="rules"/> refuses in the header lines it kept, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? FieldsDefect(List<KeyValuePair<string, string>> fields, WireRules rules) =>
        (rules.RefusesConflicts ? Conflict(fields) : null) ?? (rules.StrictFraming ? Framing(fields) : null) ?? (rules.RefusesNulInValues ? NulInValue(fields) : null);

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
}

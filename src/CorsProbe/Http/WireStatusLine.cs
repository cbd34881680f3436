namespace CorsProbing.Http;

/// <summary>
/// The one reader of status lines: where one starts, where it ends, and the code after the version, as each engine
/// finds them (<see cref="WireRules"/>).
/// </summary>
internal static class WireStatusLine
{
    private static readonly SearchValues<byte> LineBreaks = SearchValues.Create("\r\n"u8);

    private static readonly SearchValues<byte> LineFeed = SearchValues.Create("\n"u8);

    /// <summary>The bytes that end a line for an engine with <paramref name="rules"/>: CR or LF (Chromium), else LF.</summary>
    public static SearchValues<byte> Breaks(WireRules rules) => rules.BareCrBreaksLine ? LineBreaks : LineFeed;

    /// <summary>
    /// Where the status line starts in <paramref name="bytes"/>, or -1 when it does not start within the engine's slop.
    /// HttpUtil::LocateStartOfStatusLine: "HTTP" (any case) within the first few bytes; Firefox and WebKit want "HTTP/"
    /// exactly, or a Shoutcast "ICY ".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Start(ReadOnlySpan<byte> bytes, WireRules rules)
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

    /// <summary>The status line at the start of <paramref name="head"/>: up to the first CR or LF (Chromium), or up to LF with trailing CRs taken off.</summary>
    public static ReadOnlySpan<byte> Of(ReadOnlySpan<byte> head, WireRules rules)
    {
        var end = head.IndexOfAny(Breaks(rules));
        var line = end < 0 ? head : head[..end];
        return rules.BareCrBreaksLine ? line : rules.TrimTrailingCrs(line);
    }

    /// <summary>
    /// The status code as Chromium reads it (HttpResponseHeaders::ParseStatusLine: the digits after the first space),
    /// or -1 when there is none; <paramref name="reason"/> is the text after it.
    /// </summary>
    public static int Code(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> reason)
    {
        var code = Code(line, " "u8, out var digits, out var rest);
        reason = digits > 0 ? rest.Trim((byte)' ') : default;
        return digits > 0 ? code : -1;
    }

    /// <summary>
    /// The number after the version: the digits after the first of <paramref name="separators"/> and any more of them.
    /// <paramref name="digits"/> is how many there are (-1 when the line has no separator), <paramref name="rest"/> what
    /// follows them.
    /// </summary>
    public static int Code(ReadOnlySpan<byte> line, ReadOnlySpan<byte> separators, out int digits, out ReadOnlySpan<byte> rest)
    {
        var separator = line.IndexOfAny(separators);
        if (separator < 0)
        {
            digits = -1;
            rest = default;
            return -1;
        }

        var code = line[separator..].TrimStart(separators);
        digits = code.IndexOfAnyExceptInRange((byte)'0', (byte)'9') is var end and >= 0 ? end : code.Length;
        rest = code[digits..];
        var value = 0;
        foreach (var digit in code[..Math.Min(digits, 9)])
        {
            value = (value * 10) + (digit - '0');
        }

        return value;
    }

    /// <summary>Whether the head at the start of <paramref name="head"/> is an interim (1xx) one.</summary>
    public static bool IsInterim(ReadOnlySpan<byte> head, WireRules rules) => Code(Of(head, rules), out _) is >= 100 and < 200;
}

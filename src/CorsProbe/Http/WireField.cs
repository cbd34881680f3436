using static CorsProbing.Http.WireText;

namespace CorsProbing.Http;

/// <summary>One header line of a response head as browsers read it from the bytes: its name and value, or dropped.</summary>
internal static class WireField
{
    private static readonly SearchValues<byte> Token = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    // The names servers commonly send, as they spell them: a line whose name is one of these gets this string, as .NET's
    // parser names the headers it knows with one string. Read-only.
    private static readonly string[] KnownNames =
    [
        "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods",
        "Access-Control-Allow-Headers", "Access-Control-Max-Age", "Access-Control-Expose-Headers", "Vary", "Location",
        "Content-Type", "Content-Length", "Date", "Server", "Connection", "Keep-Alive", "Transfer-Encoding", "Cache-Control",
    ];

    /// <summary>
    /// The line of <paramref name="head"/> at <paramref name="start"/> (or <paramref name="joined"/>, a folded line already
    /// joined) as a name and a value, or null when it is dropped: a line needs a colon and a token name (trailing spaces
    /// and tabs trimmed). <paramref name="earlier"/> is the line at the same place in another engine's reading: its strings
    /// are reused where they read the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static KeyValuePair<string, string>? Read(
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
            WireHeadParser.Note(ref leniencies, $"the line {Shown(line)} was dropped: {(colon < 0 ? "it has no colon" : "its name is not a valid header name")}");
            return null;
        }

        if (name.Length != colon)
        {
            if (rules.DropsWhitespaceBeforeColon)
            {
                WireHeadParser.Note(ref leniencies, $"the line {Shown(line)} was dropped: it has whitespace before its colon");
                return null;
            }

            WireHeadParser.Note(ref leniencies, $"the line {Shown(line)} has whitespace before its colon");
        }

        return new(Text(name, earlier.Key ?? KnownName(name)), Text(line[(colon + 1)..].Trim(" \t"u8), earlier.Value));
    }

    /// <summary>The text of <paramref name="bytes"/>: <paramref name="same"/> when it reads the same, else a new string.</summary>
    public static string Text(ReadOnlySpan<byte> bytes, string? same) =>
        same is not null && Ascii.Equals(bytes, same) ? same : Latin1(bytes);

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
}

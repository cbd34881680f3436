namespace CorsProbing.Http;

/// <summary>How the wire code's messages show the bytes they name: quoted, with control bytes and bytes beyond ASCII as <c>\xNN</c>.</summary>
internal static class WireText
{
    /// <summary>The text of <paramref name="bytes"/>, one character per byte (ISO-8859-1, as browsers read header bytes).</summary>
    public static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary><paramref name="bytes"/> as the report shows them.</summary>
    public static string Shown(ReadOnlySpan<byte> bytes) => Quoted(Latin1(bytes));

    /// <summary><paramref name="text"/> in quotes, its first 80 characters, control bytes and bytes beyond ASCII as <c>\xNN</c>, so the report names the byte.</summary>
    public static string Quoted(string text)
    {
        var shown = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text.Length > 80 ? text[..80] : text)
        {
            _ = c is < ' ' or >= '\x7f' ? shown.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : shown.Append(c);
        }

        return shown.Append(text.Length > 80 ? "…'" : "'").ToString();
    }

    /// <summary>The line of <paramref name="head"/> that holds the byte at <paramref name="index"/>.</summary>
    public static ReadOnlySpan<byte> LineAround(ReadOnlySpan<byte> head, int index)
    {
        var start = head[..index].LastIndexOfAny((byte)'\r', (byte)'\n') + 1;
        var end = head[index..].IndexOfAny((byte)'\r', (byte)'\n');
        return end < 0 ? head[start..] : head[start..(index + end)];
    }
}

using System.Globalization;
using System.Text;

namespace CorsProbing.Conformance.Malformed;

/// <summary>
/// One malformed response, written byte for byte. The same bytes answer Chromium's <c>fetch()</c> and CorsProbe, once as
/// a preflight's answer and once as a simple GET's; the Browser verdict must equal what Chromium did.
/// </summary>
/// <param name="Id">Stable number; requests go to <c>/m/{Id}/put</c> and <c>/m/{Id}/get</c>.</param>
/// <param name="Class">The class of defect, for the conformance table.</param>
/// <param name="Description">What is wrong, in words.</param>
/// <param name="Text">The whole response for an origin, one character per byte (Latin-1).</param>
/// <param name="Early">The server writes the response as soon as the connection is up, before the request arrives.</param>
public sealed record MalformedCase(int Id, string Class, string Description, Func<string, string> Text, bool Early = false)
{
    /// <summary>The response's bytes for <paramref name="origin"/>.</summary>
    public byte[] Bytes(string origin) => Encoding.Latin1.GetBytes(Text(origin));

    /// <summary>The URL path for <paramref name="shape"/>.</summary>
    public string Path(MalformedShape shape) =>
        string.Create(CultureInfo.InvariantCulture, $"/m/{Id}/{(shape == MalformedShape.PreflightedPut ? "put" : "get")}");

    /// <summary>
    /// Where the bytes differ from the correct answer, printable, for the table: from the start of the first line that
    /// differs, at most <paramref name="length"/> characters.
    /// </summary>
    public string Difference(string origin, int length)
    {
        var text = Text(origin);
        var control = MalformedCatalogue.Response(origin);
        var first = 0;
        while (first < text.Length && first < control.Length && text[first] == control[first])
        {
            first++;
        }

        if (text.Length == 0 || text == control)
        {
            return text.Length == 0 ? "(no byte: the connection closes)" : "(none: the correct answer)";
        }

        var start = first == 0 ? 0 : text.LastIndexOf('\n', Math.Min(first, text.Length) - 1) + 1;
        var shown = Printable(text[start..Math.Min(text.Length, start + length)]);
        return start + length < text.Length ? shown + "…" : shown;
    }

    /// <summary><paramref name="text"/>, printable: control bytes and bytes ≥ 0x7F as <c>\xNN</c>, at most 400 characters.</summary>
    public static string Printable(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > 400 ? text[..400] + "…" : text)
        {
            shown.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' or (>= '\x7f' and <= '\xff') => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ => c.ToString(),
            });
        }

        return shown.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"#{Id} {Class}: {Description}";
}

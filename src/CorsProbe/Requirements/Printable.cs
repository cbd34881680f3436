namespace CorsProbing.Requirements;

/// <summary>Renders caller- or server-supplied text safely inside messages (control characters made visible).</summary>
internal static class Printable
{
    /// <summary>Returns <paramref name="value"/> with control characters written as <c>\r</c>, <c>\n</c>, <c>\t</c> or <c>\xNN</c>.</summary>
    public static string Escape(string value)
    {
        var needsEscape = false;
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                needsEscape = true;
                break;
            }
        }

        if (!needsEscape)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}

using CorsProbing.Evaluation;

namespace CorsProbing.Reporting;

/// <summary>Header values as they appear in messages. Only called for findings that are reported.</summary>
internal static class HeaderText
{
    /// <summary>Fetch "get": the lines trimmed and joined with ", "; <see langword="null"/> when absent.</summary>
    public static string? Combined(HeaderLines lines)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var parts = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            parts.Add(HttpWhitespace.Trim(line).ToString());
        }

        return string.Join(", ", parts);
    }

    /// <summary><c>`Name: value`</c>, or <c>no Name header</c> when absent.</summary>
    public static string Describe(string name, HeaderLines lines)
    {
        var value = Combined(lines);
        if (value is null)
        {
            return $"no {name} header";
        }

        var suffix = lines.Count > 1 ? $" ({lines.Count} header lines)" : string.Empty;
        return $"`{name}: {Requirements.Printable.Escape(value)}`{suffix}";
    }

    /// <summary>The first element of a list header that is not an HTTP token, or <see langword="null"/>.</summary>
    public static string? FirstInvalidElement(HeaderLines lines)
    {
        foreach (var line in lines)
        {
            foreach (var element in new HeaderListTokenizer(line))
            {
                if (!HttpToken.IsToken(element))
                {
                    return element.ToString();
                }
            }
        }

        return null;
    }

    /// <summary>The elements of a list header, in order.</summary>
    public static List<string> Elements(HeaderLines lines)
    {
        var elements = new List<string>();
        foreach (var line in lines)
        {
            foreach (var element in new HeaderListTokenizer(line))
            {
                elements.Add(element.ToString());
            }
        }

        return elements;
    }
}

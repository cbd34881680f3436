namespace CorsProbing.Evaluation;

/// <summary>
/// Fetch "extract header list values" over the raw lines of a list header (<c>Access-Control-Allow-Methods</c>,
/// <c>-Allow-Headers</c>, <c>Vary</c>), in one pass, without joining, splitting into strings or allocating.
/// </summary>
internal static class HeaderList
{
    /// <summary>
    /// Splits every line on commas, trims SP/HTAB, skips empty elements, and checks that each element is a token
    /// (Chromium ParseAccessControlAllowList). Valid elements go to <paramref name="visitor"/>. Returns false at the
    /// first element that is not a token: one invalid element invalidates the whole header. An absent header is valid.
    /// </summary>
    /// <remarks>
    /// Chromium does not split inside double quotes, but a quote is never a token character, so any quoted element
    /// makes the header invalid either way: splitting on every comma gives the same answer. An element's token
    /// characters are always contiguous, so a space inside one ("GET POST") is caught as a token after whitespace.
    /// </remarks>
    public static bool Scan<TVisitor>(HeaderLines lines, ref TVisitor visitor)
        where TVisitor : struct, IListElementVisitor
    {
        foreach (var line in lines)
        {
            if (!ScanLine(line, ref visitor))
            {
                return false;
            }
        }

        return true;
    }

    // One pass, element by element: skip separators, take a run of token characters as the element, then allow only
    // SP/HTAB before the next comma. Anything else (a quote, a semicolon, a second word as in "GET POST", a control or
    // non-ASCII character) makes the list invalid. A visited element may still be followed by an invalid one.
    private static bool ScanLine<TVisitor>(string line, ref TVisitor visitor)
        where TVisitor : struct, IListElementVisitor
    {
        var span = line.AsSpan();
        var i = 0;
        while (true)
        {
            // Leading OWS and empty elements.
            while (i < span.Length && span[i] is ' ' or '\t' or ',')
            {
                i++;
            }

            if (i == span.Length)
            {
                return true;
            }

            if (!HttpToken.IsTokenChar(span[i]))
            {
                return false;
            }

            var start = i;
            i = HttpToken.EndOfRun(span, i + 1);
            visitor.Visit(span[start..i]);

            // Trailing OWS, then a comma or the end.
            while (i < span.Length && HttpWhitespace.IsOws(span[i]))
            {
                i++;
            }

            if (i == span.Length)
            {
                return true;
            }

            if (span[i] != ',')
            {
                return false;
            }

            i++;
        }
    }

    /// <summary>True when every element is a token.</summary>
    public static bool IsValid(HeaderLines lines)
    {
        var ignore = default(ContainsVisitor);
        return Scan(lines, ref ignore);
    }

    /// <summary>True when the list is valid and an element equals <paramref name="item"/> under <paramref name="comparison"/>.</summary>
    public static bool Contains(HeaderLines lines, string item, StringComparison comparison)
    {
        var visitor = new ContainsVisitor(item, comparison);
        return Scan(lines, ref visitor) && visitor.Found;
    }

    /// <summary>Looks for one item.</summary>
    internal struct ContainsVisitor(string item, StringComparison comparison) : IListElementVisitor
    {
        public bool Found { get; private set; }

        public void Visit(ReadOnlySpan<char> element)
        {
            if (!Found && item is not null && element.Length == item.Length && element.Equals(item, comparison))
            {
                Found = true;
            }
        }
    }
}

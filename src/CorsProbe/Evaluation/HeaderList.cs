using CorsProbing.Requirements;

namespace CorsProbing.Evaluation;

/// <summary>
/// The one list tokenizer: Fetch "extract header list values" as Chromium applies it to
/// <c>Access-Control-Allow-Methods</c>, <c>-Allow-Headers</c> and <c>Vary</c> (<c>ParseAccessControlAllowList</c> over
/// <c>HttpUtil::ValuesIterator</c>). Deciding and explaining both read lists through it. Allocation-free.
/// </summary>
internal static class HeaderList
{
    /// <summary>
    /// Splits every line on commas, trims SP/HTAB, skips empty elements, and hands each element to
    /// <paramref name="visitor"/> while it is a token. Returns false at the first element that is not a token, which
    /// <paramref name="invalid"/> then locates (a quoted comma does not end it, as in Chromium): one invalid element
    /// invalidates the whole header. An absent header is valid.
    /// </summary>
    /// <remarks>
    /// Chromium splits outside double quotes only, but a quote is never a token character, so an element holding one is
    /// invalid either way and splitting valid lists on every comma gives the same elements. Lines are tokenized one at
    /// a time: Fetch joins them with ", ", so an element never spans two lines except inside an unterminated quote.
    /// </remarks>
    public static bool Scan<TVisitor>(HeaderField field, ref TVisitor visitor, out ListElement invalid)
        where TVisitor : struct, IListElementVisitor
    {
        foreach (var line in field)
        {
            if (!ScanLine(line, ref visitor, out invalid))
            {
                return false;
            }
        }

        invalid = default;
        return true;
    }

    // Element by element: skip separators (SP, HTAB, commas: empty elements are skipped), take the run of token
    // characters, then allow only SP/HTAB before the next comma. Anything else ("GET POST", a quote, a semicolon, a
    // control or non-ASCII character) makes the element, and so the list, invalid.
    private static bool ScanLine<TVisitor>((int Index, string Value) line, ref TVisitor visitor, out ListElement invalid)
        where TVisitor : struct, IListElementVisitor
    {
        var value = line.Value.AsSpan();
        var i = 0;
        while (true)
        {
            while (i < value.Length && value[i] is ' ' or '\t' or ',')
            {
                i++;
            }

            if (i == value.Length)
            {
                invalid = default;
                return true;
            }

            var start = i;
            var run = value[start..].IndexOfAnyExcept(HttpToken.TokenChars);
            var end = i = run < 0 ? value.Length : start + run;
            while (i < value.Length && value[i] is ' ' or '\t')
            {
                i++;
            }

            if (end == start || (i < value.Length && value[i] != ','))
            {
                invalid = Trimmed(line.Index, value, start, ElementEnd(value, start));
                return false;
            }

            visitor.Visit(value[start..end], new ListElement(line.Index, start, end - start));
        }
    }

    /// <summary>The valid elements, in order, up to the first invalid one. Allocates: for reports and the audit.</summary>
    public static List<string> Elements(HeaderField field)
    {
        var collector = new Collector([]);
        Scan(field, ref collector, out _);
        return collector.Elements;
    }

    // The end of the invalid element starting at `start`, as Chromium's ValuesIterator sees it: the next comma outside
    // double quotes, or the end of the line. Inside a quoted string a backslash escapes the next character.
    private static int ElementEnd(ReadOnlySpan<char> value, int start)
    {
        var next = value[start..].IndexOfAny(',', '"');
        if (next < 0)
        {
            return value.Length;
        }

        var inQuote = false;
        for (var i = start + next; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuote)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuote = false;
                }
            }
            else if (c == '"')
            {
                inQuote = true;
            }
            else if (c == ',')
            {
                return i;
            }
        }

        return value.Length;
    }

    private static ListElement Trimmed(int line, ReadOnlySpan<char> value, int start, int end)
    {
        while (start < end && value[start] is ' ' or '\t')
        {
            start++;
        }

        while (end > start && value[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return new ListElement(line, start, end - start);
    }

    private readonly struct Collector(List<string> elements) : IListElementVisitor
    {
        public List<string> Elements => elements;

        public void Visit(ReadOnlySpan<char> element, ListElement where) => elements.Add(element.ToString());
    }
}

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
    /// Splits every line on commas outside double quotes, trims SP/HTAB, skips empty elements, and hands each element
    /// to <paramref name="visitor"/> while it is a token. Returns false at the first element that is not a token, which
    /// <paramref name="invalid"/> then locates: one invalid element invalidates the whole header. An absent header is valid.
    /// </summary>
    /// <remarks>
    /// Lines are tokenized one at a time: Fetch joins lines with ", ", so an element never spans two lines except inside
    /// an unterminated quote, and an element holding a quote is never a token, so the verdict is the same.
    /// </remarks>
    public static bool Scan<TVisitor>(HeaderField field, ref TVisitor visitor, out ListElement invalid)
        where TVisitor : struct, IListElementVisitor
    {
        foreach (var line in field)
        {
            var value = line.Value.AsSpan();
            var start = 0;
            while (start < value.Length)
            {
                var end = ElementEnd(value, start);
                var element = Trimmed(line.Index, value, start, end);
                start = end + 1;
                if (element.IsNone)
                {
                    continue;
                }

                var text = value.Slice(element.Start, element.Length);
                if (!HttpToken.IsToken(text))
                {
                    invalid = element;
                    return false;
                }

                visitor.Visit(text, element);
            }
        }

        invalid = default;
        return true;
    }

    /// <summary>The valid elements, in order, up to the first invalid one. Allocates: for reports and the audit.</summary>
    public static List<string> Elements(HeaderField field)
    {
        var collector = new Collector([]);
        Scan(field, ref collector, out _);
        return collector.Elements;
    }

    /// <summary>True when <paramref name="element"/> is an element of the list (exact match) and the list is valid.</summary>
    public static bool Contains(HeaderField field, string element)
    {
        var finder = new Finder(element);
        return Scan(field, ref finder, out _) && finder.Found;
    }

    // The end of the element starting at `start`: the next comma outside double quotes, or the end of the line.
    // Inside a quoted string a backslash escapes the next character.
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

    private struct Finder(string wanted) : IListElementVisitor
    {
        public bool Found { get; private set; }

        public void Visit(ReadOnlySpan<char> element, ListElement where) => Found |= element.SequenceEqual(wanted);
    }
}

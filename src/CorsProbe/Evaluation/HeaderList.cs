namespace CorsProbing.Evaluation;

/// <summary>
/// The one list tokenizer: Fetch "extract header list values" as Chromium applies it to
/// <c>Access-Control-Allow-Methods</c>, <c>-Allow-Headers</c> and <c>Vary</c> (<c>ParseAccessControlAllowList</c> over
/// <c>HttpUtil::ValuesIterator</c>). Deciding and explaining both read lists through it.
/// </summary>
internal static class HeaderList
{
    /// <summary>
    /// Splits every line on commas, trims SP/HTAB and skips empty elements. The elements are the tokens up to the first
    /// element that is not a token, which <see cref="ListValue.Invalid"/> then holds (a quoted comma does not end it,
    /// as in Chromium): one invalid element invalidates the whole header. An absent header is a valid, empty list.
    /// </summary>
    /// <remarks>
    /// Chromium splits outside double quotes only, but a quote is never a token character, so an element holding one is
    /// invalid either way and splitting valid lists on every comma gives the same elements. Lines are tokenized one at
    /// a time: Fetch joins them with ", ", so an element never spans two lines except inside an unterminated quote.
    /// </remarks>
    public static ListValue Parse(HeaderValue header)
    {
        if (header.IsAbsent)
        {
            return ListValue.Empty;
        }

        var elements = new List<string>();
        foreach (var line in header.Values)
        {
            if (ParseLine(line, elements) is { } invalid)
            {
                return new ListValue(elements, invalid);
            }
        }

        return new ListValue(elements, null);
    }

    // Element by element: skip separators (SP, HTAB, commas: empty elements are skipped), take the run of token
    // characters, then allow only SP/HTAB before the next comma. Anything else ("GET POST", a quote, a semicolon, a
    // control or non-ASCII character) makes the element, and so the list, invalid: it is returned.
    private static string? ParseLine(string line, List<string> elements)
    {
        var value = line.AsSpan();
        var i = 0;
        while (true)
        {
            while (i < value.Length && value[i] is ' ' or '\t' or ',')
            {
                i++;
            }

            if (i == value.Length)
            {
                return null;
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
                return HttpWhitespace.Trim(value[start..ElementEnd(value, start)]).ToString();
            }

            elements.Add(end - start == line.Length ? line : line[start..end]);
        }
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
}

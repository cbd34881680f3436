namespace CorsProbing.Evaluation;

/// <summary>
/// Splits one header line into list elements as Chromium's <c>net::HttpUtil::ValuesIterator</c> does: on commas
/// outside double quotes, each element trimmed of SP/HTAB, empty elements skipped. Allocation-free.
/// </summary>
/// <remarks>
/// Lines are tokenized one at a time: Fetch joins lines with ", ", so an element never spans two lines except
/// inside an unterminated quote, and an element holding a quote is never a token, so the verdict is the same.
/// </remarks>
internal ref struct HeaderListTokenizer
{
    private readonly ReadOnlySpan<char> _value;
    private int _position;

    /// <summary>Starts tokenizing <paramref name="value"/>.</summary>
    public HeaderListTokenizer(ReadOnlySpan<char> value)
    {
        _value = value;
        _position = 0;
        Current = default;
    }

    /// <summary>The current non-empty element, trimmed.</summary>
    public ReadOnlySpan<char> Current { get; private set; }

    /// <summary>Advances to the next non-empty element.</summary>
    public bool MoveNext()
    {
        while (_position < _value.Length)
        {
            var start = _position;
            var end = FindElementEnd(start);
            _position = end + 1;
            var element = HttpWhitespace.Trim(_value[start..end]);
            if (!element.IsEmpty)
            {
                Current = element;
                return true;
            }
        }

        return false;
    }

    private readonly int FindElementEnd(int start)
    {
        var rest = _value[start..];
        var next = rest.IndexOfAny(',', '"');
        if (next < 0)
        {
            return _value.Length;
        }

        if (rest[next] == ',')
        {
            return start + next;
        }

        // Inside a quoted string a comma does not split and a backslash escapes the next character.
        var i = start + next + 1;
        var inQuote = true;
        for (; i < _value.Length; i++)
        {
            var c = _value[i];
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

        return _value.Length;
    }

    /// <summary>Returns this instance, so a tokenizer can be used in <c>foreach</c>.</summary>
    public readonly HeaderListTokenizer GetEnumerator() => this;
}

namespace CorsProbing.Evaluation;

/// <summary>
/// One response header as evaluation reads it: each of its lines' values, trimmed of SP/HTAB, in order. Absent
/// (Fetch's <em>null</em>, not the empty string) when it has no line.
/// </summary>
/// <param name="Lines">The values of the header's lines.</param>
internal readonly record struct HeaderValue(string[]? Lines)
{
    /// <summary>The values, none when absent.</summary>
    public ReadOnlySpan<string> Values => Lines;

    /// <summary>True when the header is absent.</summary>
    public bool IsAbsent => Values.IsEmpty;

    /// <summary>The value when the header has exactly one line, else null.</summary>
    public string? Single => Values.Length == 1 ? Values[0] : null;

    /// <summary>Fetch "get": the lines joined with ", "; null when absent.</summary>
    public string? Combined => Values.Length switch
    {
        0 => null,
        1 => Values[0],
        _ => string.Join(", ", Lines!),
    };

    /// <summary>The first line that is not empty, or null.</summary>
    public string? FirstNonEmpty
    {
        get
        {
            foreach (var value in Values)
            {
                if (value.Length > 0)
                {
                    return value;
                }
            }

            return null;
        }
    }

    /// <summary>Whether the header is one line equal to <paramref name="expected"/> (case-sensitive).</summary>
    public bool IsSingle(string expected) => string.Equals(Single, expected, StringComparison.Ordinal);

    /// <summary>
    /// Whether, leaving out its empty lines, the header is one line equal to <paramref name="expected"/> (Firefox joins a
    /// header's lines without the empty ones).
    /// </summary>
    public bool IsSingleApartFromEmptyLines(string expected)
    {
        string? found = null;
        foreach (var value in Values)
        {
            if (value.Length == 0)
            {
                continue;
            }

            if (found is not null)
            {
                return false;
            }

            found = value;
        }

        return string.Equals(found, expected, StringComparison.Ordinal);
    }

    /// <summary>This header with one more line.</summary>
    public HeaderValue With(string value) => new([.. Values, HttpWhitespace.Trim(value)]);
}

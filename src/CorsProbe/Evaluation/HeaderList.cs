namespace CorsProbing.Evaluation;

/// <summary>
/// Questions about a list-valued header (<c>Access-Control-Allow-Methods</c>, <c>-Allow-Headers</c>, <c>Vary</c>)
/// asked over all of its lines without joining them. Allocation-free.
/// </summary>
internal static class HeaderList
{
    /// <summary>
    /// Fetch "extract header list values" succeeds: every non-empty element is a token. One invalid element
    /// invalidates the whole header (Chromium ParseAccessControlAllowList). An absent header is valid and empty.
    /// </summary>
    public static bool IsValid(HeaderLines lines)
    {
        foreach (var line in lines)
        {
            foreach (var element in new HeaderListTokenizer(line))
            {
                if (!HttpToken.IsToken(element))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when an element equals <paramref name="item"/> under <paramref name="comparison"/>.</summary>
    public static bool Contains(HeaderLines lines, ReadOnlySpan<char> item, StringComparison comparison)
    {
        foreach (var line in lines)
        {
            foreach (var element in new HeaderListTokenizer(line))
            {
                if (element.Equals(item, comparison))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

namespace CorsProbing.Evaluation;

/// <summary>Optional whitespace (OWS: SP and HTAB) as header values and list elements are trimmed by.</summary>
internal static class HttpWhitespace
{
    /// <summary>Removes leading and trailing SP/HTAB, as Fetch's "get" and Chromium's <c>TrimLWS</c> do.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> value) => value.Trim(" \t");

    /// <summary>True for SP and HTAB.</summary>
    public static bool IsOws(char c) => c is ' ' or '\t';
}

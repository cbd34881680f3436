namespace CorsProbing.Evaluation;

/// <summary>Optional whitespace (OWS: SP and HTAB), which header values and list elements are trimmed of.</summary>
internal static class HttpWhitespace
{
    /// <summary>Removes leading and trailing SP/HTAB, as Fetch "normalize" and Chromium's <c>TrimLWS</c> do.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> value) => value.Trim(" \t");
}

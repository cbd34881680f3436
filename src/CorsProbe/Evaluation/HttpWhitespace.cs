namespace CorsProbing.Evaluation;

/// <summary>Optional whitespace (OWS: SP and HTAB), which header values and list elements are trimmed of.</summary>
internal static class HttpWhitespace
{
    /// <summary>Removes leading and trailing SP/HTAB, as Fetch "normalize" and Chromium's <c>TrimLWS</c> do.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> value) => value.Trim(" \t");

    /// <summary>As <see cref="Trim(ReadOnlySpan{char})"/>, keeping the same string when there is nothing to trim.</summary>
    public static string Trim(string value) => value.Length > 0 && (value[0] is ' ' or '\t' || value[^1] is ' ' or '\t') ? value.Trim(' ', '\t') : value;
}

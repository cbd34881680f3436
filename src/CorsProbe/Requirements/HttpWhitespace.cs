namespace CorsProbing.Requirements;

/// <summary>The two whitespace sets of HTTP that CorsProbe reads by.</summary>
internal static class HttpWhitespace
{
    /// <summary>Optional whitespace (OWS: SP and HTAB), which header values and list elements are trimmed of.</summary>
    public const string Optional = " \t";

    /// <summary>Fetch's "HTTP whitespace" (SP, HTAB, CR, LF), which <c>fetch()</c> trims a header value of, and MIME Sniffing a type.</summary>
    public const string Fetch = " \t\r\n";

    /// <summary>Removes leading and trailing OWS, as Fetch "normalize" does to a received value and Chromium's <c>TrimLWS</c>.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> value) => value.Trim(Optional);

    /// <summary>As <see cref="Trim(ReadOnlySpan{char})"/>, keeping the same string when there is nothing to trim.</summary>
    public static string Trim(string value) => value.Length > 0 && (value[0] is ' ' or '\t' || value[^1] is ' ' or '\t') ? value.Trim(' ', '\t') : value;
}

namespace CorsProbing.Reporting.Rules;

/// <summary>Why an <c>Access-Control-Allow-Origin</c> value that is not the origin is probably meant to be it.</summary>
internal static class OriginMismatchHint
{
    /// <summary>A parenthesised hint with a leading space, or empty when nothing stands out.</summary>
    public static string For(string value, string origin)
    {
        if (value.Length == 0)
        {
            return " (the header is empty)";
        }

        if (string.Equals(value, origin, StringComparison.OrdinalIgnoreCase))
        {
            return " (it differs only in letter case)";
        }

        if (value.TrimEnd('/') == origin)
        {
            return " (it has a trailing slash)";
        }

        if (value == "null")
        {
            return " (`null` only matches opaque origins such as sandboxed iframes)";
        }

        if (value == origin + ":443" || value == origin + ":80")
        {
            return " (it spells out the default port, which browsers omit)";
        }

        if (value.StartsWith("*.", StringComparison.Ordinal) || value.Contains("://*.", StringComparison.Ordinal))
        {
            return " (wildcard patterns are not supported; only a single `*` is)";
        }

        var schemeEnd = origin.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && value.EndsWith(origin[schemeEnd..], StringComparison.Ordinal))
        {
            return " (the scheme differs)";
        }

        return string.Empty;
    }
}

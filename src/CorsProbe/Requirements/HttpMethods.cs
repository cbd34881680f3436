namespace CorsProbing.Requirements;

/// <summary>Method rules of the Fetch standard ("normalize a method", forbidden and CORS-safelisted methods).</summary>
internal static class HttpMethods
{
    private static readonly string[] NormalizedMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];

    /// <summary>
    /// Fetch "normalize a method": a byte-case-insensitive match for DELETE, GET, HEAD, OPTIONS, POST or PUT is
    /// upper-cased; every other method keeps its exact case (<c>patch</c> stays <c>patch</c>).
    /// </summary>
    public static string Normalize(string method)
    {
        foreach (var known in NormalizedMethods)
        {
            if (string.Equals(method, known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return method;
    }

    /// <summary>Fetch "forbidden method": CONNECT, TRACE or TRACK in any case; <c>fetch()</c> throws for them.</summary>
    public static bool IsForbidden(ReadOnlySpan<char> method) =>
        method.Equals("CONNECT", StringComparison.OrdinalIgnoreCase)
        || method.Equals("TRACE", StringComparison.OrdinalIgnoreCase)
        || method.Equals("TRACK", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fetch "CORS-safelisted method": exactly GET, HEAD or POST (after normalization).</summary>
    public static bool IsSafelisted(ReadOnlySpan<char> normalizedMethod) =>
        normalizedMethod is "GET" or "HEAD" or "POST";

    /// <summary>Validates a method given by the caller and returns it normalized.</summary>
    /// <exception cref="ArgumentException">The method is empty, not a token, or forbidden.</exception>
    public static string ValidateAndNormalize(string? method, string paramName)
    {
        if (string.IsNullOrEmpty(method))
        {
            throw new ArgumentException("A method must be a non-empty HTTP token such as GET or PUT.", paramName);
        }

        if (!HttpToken.IsToken(method))
        {
            throw new ArgumentException(
                $"'{Printable.Escape(method)}' is not a valid HTTP method: a method is a token (letters, digits and !#$%&'*+-.^_`|~), without spaces or separators.",
                paramName);
        }

        if (IsForbidden(method))
        {
            throw new ArgumentException(
                $"'{method}' is a forbidden method: browsers refuse to send CONNECT, TRACE and TRACK with fetch(), so no CORS configuration can allow it.",
                paramName);
        }

        return Normalize(method);
    }
}

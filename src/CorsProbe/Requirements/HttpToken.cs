namespace CorsProbing.Requirements;

/// <summary>RFC 9110 <c>token</c>: one or more <c>tchar</c>. Used for methods, header names and list elements.</summary>
internal static class HttpToken
{
    // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    /// <summary>Every <c>tchar</c>.</summary>
    public static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>True when <paramref name="value"/> is non-empty and every character is a <c>tchar</c>.</summary>
    public static bool IsToken(ReadOnlySpan<char> value) =>
        !value.IsEmpty && !value.ContainsAnyExcept(TokenChars);
}

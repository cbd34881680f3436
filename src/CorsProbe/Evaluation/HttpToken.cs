using System.Buffers;

namespace CorsProbing.Evaluation;

/// <summary>RFC 9110 <c>token</c>: one or more <c>tchar</c>. Used for methods, header names and list elements.</summary>
internal static class HttpToken
{
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>True when <paramref name="value"/> is non-empty and every character is a <c>tchar</c>.</summary>
    public static bool IsToken(ReadOnlySpan<char> value) =>
        !value.IsEmpty && !value.ContainsAnyExcept(TokenChars);

    /// <summary>The index of the first character that is not a <c>tchar</c>, or -1.</summary>
    public static int IndexOfNonTokenChar(ReadOnlySpan<char> value) => value.IndexOfAnyExcept(TokenChars);
}

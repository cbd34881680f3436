using System.Buffers;
using System.Runtime.CompilerServices;

namespace CorsProbing.Evaluation;

/// <summary>RFC 9110 <c>token</c>: one or more <c>tchar</c>. Used for methods, header names and list elements.</summary>
internal static class HttpToken
{
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>True when <paramref name="c"/> is a <c>tchar</c>: a table look-up for the per-character list scanner.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTokenChar(char c)
    {
        var table = TokenTable;
        return c < (uint)table.Length && table[c] != 0;
    }

    // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    private static ReadOnlySpan<byte> TokenTable =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0,
    ];

    private static readonly SearchValues<char> ListChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz, \t");

    /// <summary>True when every character of <paramref name="value"/> is a <c>tchar</c>, a comma, SP or HTAB.</summary>
    public static bool IsListText(ReadOnlySpan<char> value) => !value.ContainsAnyExcept(ListChars);

    /// <summary>True when <paramref name="value"/> is non-empty and every character is a <c>tchar</c>.</summary>
    public static bool IsToken(ReadOnlySpan<char> value) =>
        !value.IsEmpty && !value.ContainsAnyExcept(TokenChars);

    /// <summary>The index of the first character at or after <paramref name="start"/> that is not a <c>tchar</c>, or the length.</summary>
    public static int EndOfRun(ReadOnlySpan<char> value, int start)
    {
        // Most elements are short method or header names: a table look-up per character beats a vector search's
        // set-up; long runs go to the vectorized SearchValues.
        const int ScalarLimit = 16;
        var scalarEnd = Math.Min(value.Length, start + ScalarLimit);
        var i = start;
        while (i < scalarEnd && IsTokenChar(value[i]))
        {
            i++;
        }

        if (i < scalarEnd || i == value.Length)
        {
            return i;
        }

        var rest = value[i..].IndexOfAnyExcept(TokenChars);
        return rest < 0 ? value.Length : i + rest;
    }
}

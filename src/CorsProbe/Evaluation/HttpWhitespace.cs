using System.Runtime.CompilerServices;

namespace CorsProbing.Evaluation;

/// <summary>Optional whitespace (OWS: SP and HTAB) as header values and list elements are trimmed by.</summary>
internal static class HttpWhitespace
{
    /// <summary>Removes leading and trailing SP/HTAB, as Fetch's "get" and Chromium's <c>TrimLWS</c> do.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> value)
    {
        var start = 0;
        while (start < value.Length && IsOws(value[start]))
        {
            start++;
        }

        var end = value.Length;
        while (end > start && IsOws(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    /// <summary>True for SP and HTAB.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsOws(char c) => c is ' ' or '\t';
}

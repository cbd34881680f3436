using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CorsProbing.Evaluation;

/// <summary>
/// Compares a received value with a name already in ASCII lower case, folding only the value's <c>A-Z</c>. The
/// names CorsProbe looks for (request header names, <c>origin</c>) are lower-cased once, so each comparison folds one
/// side only, inlined, instead of calling the general <c>Ascii.EqualsIgnoreCase</c>.
/// </summary>
internal static class AsciiLowercase
{
    /// <summary>
    /// True when <paramref name="value"/> equals <paramref name="lowercase"/> ignoring the case of ASCII letters.
    /// <paramref name="lowercase"/> must contain no <c>A-Z</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualsFolded(ReadOnlySpan<char> value, string lowercase)
    {
        Debug.Assert(!lowercase.AsSpan().ContainsAnyInRange('A', 'Z'), "The expected name must be lower-case.");
        if (value.Length != lowercase.Length)
        {
            return false;
        }

        return value.Length >= Vector128<ushort>.Count && Vector128.IsHardwareAccelerated
            ? EqualsFoldedVectorized(value, lowercase)
            : EqualsFoldedScalar(value, lowercase);
    }

    private static bool EqualsFoldedScalar(ReadOnlySpan<char> value, string lowercase)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if ((char)(c | (IsUpper(c) ? 0x20 : 0)) != lowercase[i])
            {
                return false;
            }
        }

        return true;
    }

    // Eight characters per compare; the last load overlaps the previous one instead of finishing character by character.
    private static bool EqualsFoldedVectorized(ReadOnlySpan<char> value, string lowercase)
    {
        ref var left = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(value));
        ref var right = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(lowercase.AsSpan()));
        var last = (nuint)(value.Length - Vector128<ushort>.Count);
        for (nuint i = 0; i < last; i += (nuint)Vector128<ushort>.Count)
        {
            if (!FoldedEqual(Vector128.LoadUnsafe(ref left, i), Vector128.LoadUnsafe(ref right, i)))
            {
                return false;
            }
        }

        return FoldedEqual(Vector128.LoadUnsafe(ref left, last), Vector128.LoadUnsafe(ref right, last));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool FoldedEqual(Vector128<ushort> value, Vector128<ushort> lowercase)
    {
        var upper = Vector128.LessThanOrEqual(value - Vector128.Create((ushort)'A'), Vector128.Create((ushort)('Z' - 'A')));
        return (value | (upper & Vector128.Create((ushort)0x20))) == lowercase;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CorsProbing.Evaluation;

/// <summary>
/// Bit masks of the commas and of the SP/HTAB characters in a block of up to 64 characters, computed eight
/// characters at a time with SIMD compares: bit <c>i</c> stands for character <c>i</c> of the block.
/// </summary>
internal readonly struct ListSeparatorMasks
{
    /// <summary>The widest block one pair of masks covers.</summary>
    public const int BlockLength = 64;

    private ListSeparatorMasks(ulong commas, ulong whitespace)
    {
        Commas = commas;
        Whitespace = whitespace;
    }

    /// <summary>Bit <c>i</c> is set when character <c>i</c> is a comma.</summary>
    public ulong Commas { get; }

    /// <summary>Bit <c>i</c> is set when character <c>i</c> is SP or HTAB.</summary>
    public ulong Whitespace { get; }

    /// <summary>Whether the SIMD path is available on this machine.</summary>
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    /// <summary>Computes the masks of <paramref name="block"/> (at most <see cref="BlockLength"/> characters).</summary>
    public static ListSeparatorMasks Of(ReadOnlySpan<char> block)
    {
        ulong commas = 0;
        ulong whitespace = 0;
        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(block));
        var comma = Vector128.Create((ushort)',');
        var space = Vector128.Create((ushort)' ');
        var tab = Vector128.Create((ushort)'\t');
        var i = 0;
        for (; i + Vector128<ushort>.Count <= block.Length; i += Vector128<ushort>.Count)
        {
            var chars = Vector128.LoadUnsafe(ref start, (nuint)i);
            commas |= (ulong)Vector128.Equals(chars, comma).ExtractMostSignificantBits() << i;
            whitespace |= (ulong)(Vector128.Equals(chars, space) | Vector128.Equals(chars, tab)).ExtractMostSignificantBits() << i;
        }

        for (; i < block.Length; i++)
        {
            var c = block[i];
            commas |= (c == ',' ? 1UL : 0UL) << i;
            whitespace |= (HttpWhitespace.IsOws(c) ? 1UL : 0UL) << i;
        }

        return new ListSeparatorMasks(commas, whitespace);
    }

    /// <summary>The bits of <paramref name="mask"/> from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), shifted down to bit 0.</summary>
    public static ulong Range(ulong mask, int from, int to)
    {
        var length = to - from;
        if (length <= 0)
        {
            return 0;
        }

        var shifted = mask >> from;
        return length >= 64 ? shifted : shifted & ((1UL << length) - 1);
    }

    /// <summary>The index of the lowest set bit of a non-zero mask.</summary>
    public static int Lowest(ulong mask) => BitOperations.TrailingZeroCount(mask);

    /// <summary>The index of the highest set bit of a non-zero mask.</summary>
    public static int Highest(ulong mask) => 63 - BitOperations.LeadingZeroCount(mask);
}

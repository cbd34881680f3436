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

    /// <summary>The shortest line <see cref="Of"/> accepts: one 128-bit vector of characters.</summary>
    public static int MinimumLineLength => Vector128<ushort>.Count;

    /// <summary>
    /// Computes the masks of the block of <paramref name="line"/> that starts at <paramref name="blockStart"/> and
    /// spans up to <see cref="BlockLength"/> characters. The line must hold at least <see cref="MinimumLineLength"/>
    /// characters: a block's ragged end is covered by one more full-width load that overlaps what came before it,
    /// instead of a character-by-character tail.
    /// </summary>
    public static ListSeparatorMasks Of(ReadOnlySpan<char> line, int blockStart)
    {
        var end = Math.Min(blockStart + BlockLength, line.Length);
        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(line));
        var masks = default(ListSeparatorMasks);
        if (Vector256.IsHardwareAccelerated && line.Length >= Vector256<ushort>.Count)
        {
            var i = blockStart;
            for (; i + Vector256<ushort>.Count <= end; i += Vector256<ushort>.Count)
            {
                masks = masks.With(Vector256.LoadUnsafe(ref chars, (nuint)i), i - blockStart);
            }

            if (i < end)
            {
                var last = end - Vector256<ushort>.Count;
                masks = masks.With(Vector256.LoadUnsafe(ref chars, (nuint)last), last - blockStart);
            }
        }
        else
        {
            var i = blockStart;
            for (; i + Vector128<ushort>.Count <= end; i += Vector128<ushort>.Count)
            {
                masks = masks.With(Vector128.LoadUnsafe(ref chars, (nuint)i), i - blockStart);
            }

            if (i < end)
            {
                var last = end - Vector128<ushort>.Count;
                masks = masks.With(Vector128.LoadUnsafe(ref chars, (nuint)last), last - blockStart);
            }
        }

        return masks;
    }

    // Adds the separators of one vector of characters loaded at `offset` from the block start; an overlapping final load may
    // start before the block (negative offset), and its bits for characters already covered are the same ones.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ListSeparatorMasks With(Vector256<ushort> chars, int offset) => With(
        Vector256.Equals(chars, Vector256.Create((ushort)',')).ExtractMostSignificantBits(),
        (Vector256.Equals(chars, Vector256.Create((ushort)' ')) | Vector256.Equals(chars, Vector256.Create((ushort)'\t'))).ExtractMostSignificantBits(),
        offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ListSeparatorMasks With(Vector128<ushort> chars, int offset) => With(
        Vector128.Equals(chars, Vector128.Create((ushort)',')).ExtractMostSignificantBits(),
        (Vector128.Equals(chars, Vector128.Create((ushort)' ')) | Vector128.Equals(chars, Vector128.Create((ushort)'\t'))).ExtractMostSignificantBits(),
        offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ListSeparatorMasks With(uint commas, uint whitespace, int offset) => offset >= 0
        ? new ListSeparatorMasks(Commas | ((ulong)commas << offset), Whitespace | ((ulong)whitespace << offset))
        : new ListSeparatorMasks(Commas | (commas >> -offset), Whitespace | (whitespace >> -offset));

    /// <summary>The bits of <paramref name="mask"/> from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), shifted down to bit 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Lowest(ulong mask) => BitOperations.TrailingZeroCount(mask);

    /// <summary>The index of the highest set bit of a non-zero mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Highest(ulong mask) => 63 - BitOperations.LeadingZeroCount(mask);
}

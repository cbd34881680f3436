using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace CorsProbing.Evaluation;

/// <summary>
/// What each character of a block of up to 64 characters of a list line is — a comma, SP/HTAB, or not allowed in a
/// list at all — as three bit masks computed sixteen characters at a time: bit <c>i</c> stands for character
/// <c>i</c> of the block. Every character that is none of the three is a <c>tchar</c>.
/// </summary>
/// <remarks>
/// The character-set test is the nibble look-up SearchValues uses, inlined: characters are narrowed to bytes
/// (saturating, so anything past U+00FF stays outside ASCII), the low nibble picks a byte of bits from one table and
/// the high nibble picks the bit, one byte shuffle each.
/// </remarks>
internal readonly struct ListCharMasks
{
    /// <summary>The widest block one set of masks covers.</summary>
    public const int BlockLength = 64;

    /// <summary>
    /// The shortest line <see cref="Of"/> accepts: one chunk of sixteen characters. Shorter lines are left to the
    /// scalar scanner, which beats the fixed cost of loading, narrowing and classifying a chunk below this length.
    /// </summary>
    public const int MinimumLineLength = ChunkLength;

    private const int ChunkLength = 16;

    /// <summary>The shortest line <see cref="IsShortToken"/> reads: one 128-bit vector of characters.</summary>
    public const int ShortTokenMinLength = 8;

    /// <summary>The longest line <see cref="IsShortToken"/> reads: two 128-bit vectors of characters.</summary>
    public const int ShortTokenMaxLength = 16;

    // Bit h of byte l is set when the character 0xhl is a tchar, a comma, SP or HTAB.
    private static readonly Vector128<byte> ListCharBits = NibbleTable(HttpToken.TokenCharacters + ", \t");

    // Bit h of byte l is set when the character 0xhl is a tchar.
    private static readonly Vector128<byte> TokenCharBits = NibbleTable(HttpToken.TokenCharacters);

    // The bit of high nibble h; none for h >= 8 (not ASCII).
    private static readonly Vector128<byte> HighNibbleBits = Vector128.Create(
        (byte)0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0, 0, 0, 0, 0, 0, 0, 0);

    private static Vector128<byte> NibbleTable(string characters)
    {
        Span<byte> table = stackalloc byte[Vector128<byte>.Count];
        foreach (var c in characters)
        {
            table[c & 0xF] |= (byte)(1 << (c >> 4));
        }

        return Vector128.Create((ReadOnlySpan<byte>)table);
    }

    private ListCharMasks(ulong commas, ulong whitespace, ulong invalid)
    {
        Commas = commas;
        Whitespace = whitespace;
        Invalid = invalid;
    }

    /// <summary>Bit <c>i</c> is set when character <c>i</c> is a comma.</summary>
    public ulong Commas { get; }

    /// <summary>Bit <c>i</c> is set when character <c>i</c> is SP or HTAB.</summary>
    public ulong Whitespace { get; }

    /// <summary>Bit <c>i</c> is set when character <c>i</c> is neither a <c>tchar</c>, a comma, SP nor HTAB.</summary>
    public ulong Invalid { get; }

    /// <summary>Whether this machine has the SIMD compares and the byte shuffle the masks need.</summary>
    public static bool IsSupported => Vector128.IsHardwareAccelerated && (Ssse3.IsSupported || AdvSimd.Arm64.IsSupported);

    /// <summary>
    /// Computes the masks of the block of <paramref name="line"/> that starts at <paramref name="blockStart"/> and
    /// spans up to <see cref="BlockLength"/> characters; bits past the line's end are clear. The line must hold at
    /// least <see cref="MinimumLineLength"/> characters: a ragged end is covered by a chunk that overlaps what came
    /// before it (a character classified twice sets the same bits), never by reading past the line.
    /// </summary>
    public static ListCharMasks Of(ReadOnlySpan<char> line, int blockStart)
    {
        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(line));
        var length = line.Length;
        ulong allCommas = 0, allWhitespace = 0, allInvalid = 0;
        var end = Math.Min(blockStart + BlockLength, length);
        for (var i = blockStart; i < end; i += ChunkLength)
        {
            var at = Math.Min(i, length - ChunkLength);
            var bytes = Narrow(Vector128.LoadUnsafe(ref chars, (nuint)at), Vector128.LoadUnsafe(ref chars, (nuint)(at + Vector128<ushort>.Count)));
            Classify(bytes, out var commas, out var whitespace, out var invalid);
            var offset = at - blockStart;
            allCommas |= Place(commas, offset);
            allWhitespace |= Place(whitespace, offset);
            allInvalid |= Place(invalid, offset);
        }

        return new ListCharMasks(allCommas, allWhitespace, allInvalid);
    }

    /// <summary>
    /// True when every character of <paramref name="line"/>, which holds <see cref="ShortTokenMinLength"/> to
    /// <see cref="ShortTokenMaxLength"/> characters, is a <c>tchar</c>: the line is one list element, as is.
    /// </summary>
    /// <remarks>
    /// The commonest list line is a single name ("Content-Type", "Authorization"): two overlapping loads and one
    /// classification answer it, where the scalar scanner would test and branch on every character.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsShortToken(ReadOnlySpan<char> line)
    {
        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(line));
        var bytes = Narrow(Vector128.LoadUnsafe(ref chars), Vector128.LoadUnsafe(ref chars, (nuint)(line.Length - Vector128<ushort>.Count)));
        return !Vector128.EqualsAny(Members(TokenCharBits, bytes), Vector128<byte>.Zero);
    }

    // Characters to bytes, anything past U+00FF clamped to 0xFF (never a list character).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Narrow(Vector128<ushort> low, Vector128<ushort> high)
    {
        var max = Vector128.Create((ushort)0xFF);
        return Vector128.Narrow(Vector128.Min(low, max), Vector128.Min(high, max));
    }

    // Sixteen characters' masks.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Classify(Vector128<byte> bytes, out uint commas, out uint whitespace, out uint invalid)
    {
        invalid = Vector128.Equals(Members(ListCharBits, bytes), Vector128<byte>.Zero).ExtractMostSignificantBits();
        commas = Vector128.Equals(bytes, Vector128.Create((byte)',')).ExtractMostSignificantBits();
        whitespace = (Vector128.Equals(bytes, Vector128.Create((byte)' ')) | Vector128.Equals(bytes, Vector128.Create((byte)'\t')))
            .ExtractMostSignificantBits();
    }

    // Non-zero in each byte whose character is in the set the nibble table describes: the low nibble picks the set's
    // bits for that column, the high nibble picks the row's bit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Members(Vector128<byte> table, Vector128<byte> bytes) =>
        Lookup(table, bytes & Vector128.Create((byte)0x0F)) & Lookup(HighNibbleBits, Vector128.ShiftRightLogical(bytes, 4));

    // A byte table look-up by indices below 16 (pshufb on x86, tbl on Arm64).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Lookup(Vector128<byte> table, Vector128<byte> indices) =>
        Ssse3.IsSupported ? Ssse3.Shuffle(table, indices) : AdvSimd.Arm64.VectorTableLookup(table, indices);

    // A chunk's 16 bits at its offset in the block; a final chunk pulled back before the block start loses the bits
    // of characters the block does not hold.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Place(uint mask, int offset) => offset >= 0 ? (ulong)mask << offset : mask >> -offset;
}

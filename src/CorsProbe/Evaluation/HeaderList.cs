using System.Numerics;
using System.Runtime.CompilerServices;

namespace CorsProbing.Evaluation;

/// <summary>
/// Fetch "extract header list values" over the raw lines of a list header (<c>Access-Control-Allow-Methods</c>,
/// <c>-Allow-Headers</c>, <c>Vary</c>), in one pass, without joining, splitting into strings or allocating.
/// </summary>
internal static class HeaderList
{
    /// <summary>
    /// Splits every line on commas, trims SP/HTAB, skips empty elements, and checks that each element is a token
    /// (Chromium ParseAccessControlAllowList). Valid elements go to <paramref name="visitor"/>. Returns false at the
    /// first element that is not a token: one invalid element invalidates the whole header. An absent header is valid.
    /// </summary>
    /// <remarks>
    /// Chromium does not split inside double quotes, but a quote is never a token character, so any quoted element
    /// makes the header invalid either way: splitting on every comma gives the same answer. An element's token
    /// characters are always contiguous, so a space inside one ("GET POST") is caught as a token after whitespace.
    /// </remarks>
    public static bool Scan<TVisitor>(HeaderLines lines, ref TVisitor visitor)
        where TVisitor : struct, IListElementVisitor
    {
        foreach (var line in lines)
        {
            var valid = line.Length >= ListCharMasks.MinimumLineLength && ListCharMasks.IsSupported
                ? ScanLineVectorized(line, ref visitor)
                : ScanLine(line, ref visitor);
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    // Each line scanner is kept out of line: inlined into its caller, it would use up the JIT's inlining budget and
    // leave the small helpers (masks, the visitor) as calls.
    // The same rules as ScanLineScalar, 64 characters at a time: the block's masks say where the commas, the whitespace and
    // any character a list may not hold are; an element is then a run of the remaining (token) bits, and two runs need
    // a comma between them, or the whitespace between them was inside one element ("GET POST"). An element still
    // running at the end of a block is visited when a later block ends it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ScanLineVectorized<TVisitor>(string line, ref TVisitor visitor)
        where TVisitor : struct, IListElementVisitor
    {
        var span = line.AsSpan();
        var openStart = -1;
        var needComma = false;
        for (var blockStart = 0; blockStart < span.Length; blockStart += ListCharMasks.BlockLength)
        {
            var masks = ListCharMasks.Of(span, blockStart);
            if (masks.Invalid != 0)
            {
                return false;
            }

            var blockLength = Math.Min(ListCharMasks.BlockLength, span.Length - blockStart);
            var tokens = ~(masks.Commas | masks.Whitespace) & LowBits(blockLength);
            var commas = masks.Commas;
            var position = 0;
            if (openStart >= 0)
            {
                position = BitOperations.TrailingZeroCount(~tokens);
                if (position == ListCharMasks.BlockLength)
                {
                    continue;
                }

                visitor.Visit(span[openStart..(blockStart + position)]);
                openStart = -1;
                needComma = true;
            }

            while (position < ListCharMasks.BlockLength)
            {
                var rest = tokens & (ulong.MaxValue << position);
                var start = BitOperations.TrailingZeroCount(rest);
                var before = LowBits(start) & (ulong.MaxValue << position);
                if (needComma)
                {
                    if ((commas & before) == 0)
                    {
                        // Another element (or the line's end, when start is 64) with no comma since the last one.
                        if (rest != 0)
                        {
                            return false;
                        }

                        break;
                    }

                    needComma = false;
                }

                if (rest == 0)
                {
                    break;
                }

                var end = start + BitOperations.TrailingZeroCount(~(rest >> start));
                if (end == ListCharMasks.BlockLength)
                {
                    openStart = blockStart + start;
                    break;
                }

                visitor.Visit(span.Slice(blockStart + start, end - start));
                needComma = true;
                position = end;
            }
        }

        if (openStart >= 0)
        {
            visitor.Visit(span[openStart..]);
        }

        return true;
    }

    // The lowest `count` bits (0 to 64).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LowBits(int count) => count >= 64 ? ulong.MaxValue : (1UL << count) - 1;

    // A line shorter than one vectorized chunk (any line, on hardware without the SIMD the masks need). A line that is
    // one name ("Content-Type") is the commonest list of all: one vector test, visited whole. This entry stays small,
    // so that answer pays for a light call frame; everything else goes on to the scalar scanner.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ScanLine<TVisitor>(string line, ref TVisitor visitor)
        where TVisitor : struct, IListElementVisitor
    {
        var span = line.AsSpan();
        if (line.Length is >= ListCharMasks.ShortTokenMinLength and <= ListCharMasks.ShortTokenMaxLength
            && ListCharMasks.IsSupported && ListCharMasks.IsShortToken(span))
        {
            visitor.Visit(span);
            return true;
        }

        return ScanLineScalar(span, ref visitor);
    }

    // One pass, element by element: skip separators, take a run of token characters as the element, then allow only
    // SP/HTAB before the next comma. Anything else (a quote, a semicolon, a second word as in "GET POST", a control or
    // non-ASCII character) makes the list invalid. A visited element may still be followed by an invalid one.
    // Every index is checked against the length as an unsigned number: the JIT then drops its own bounds checks and
    // the loop is a compare, a load and a branch per character.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ScanLineScalar<TVisitor>(ReadOnlySpan<char> span, ref TVisitor visitor)
        where TVisitor : struct, IListElementVisitor
    {
        var i = 0;
        while (true)
        {
            // Leading OWS and empty elements, up to the first token character.
            char c;
            while (true)
            {
                if ((uint)i >= (uint)span.Length)
                {
                    return true;
                }

                c = span[i];
                if (HttpToken.IsTokenChar(c))
                {
                    break;
                }

                if (c is not (' ' or '\t' or ','))
                {
                    return false;
                }

                i++;
            }

            var start = i++;
            while ((uint)i < (uint)span.Length && HttpToken.IsTokenChar(span[i]))
            {
                i++;
            }

            visitor.Visit(span[start..i]);

            // Trailing OWS, then a comma or the end.
            while (true)
            {
                if ((uint)i >= (uint)span.Length)
                {
                    return true;
                }

                c = span[i++];
                if (c == ',')
                {
                    break;
                }

                if (!HttpWhitespace.IsOws(c))
                {
                    return false;
                }
            }
        }
    }

    /// <summary>True when every element is a token.</summary>
    public static bool IsValid(HeaderLines lines)
    {
        var ignore = new ContainsVisitor(string.Empty, ignoreCase: false);
        return Scan(lines, ref ignore);
    }

    /// <summary>
    /// True when the list is valid and an element equals <paramref name="item"/>: exactly when
    /// <paramref name="comparison"/> is <see cref="StringComparison.Ordinal"/>, else ASCII case-insensitively
    /// (list elements are tokens, so ASCII is all there is). A case-insensitive <paramref name="item"/> must be
    /// lower-case, as every name CorsProbe looks for is.
    /// </summary>
    public static bool Contains(HeaderLines lines, string item, StringComparison comparison)
    {
        if (comparison == StringComparison.Ordinal)
        {
            var exact = new ContainsVisitor(item, ignoreCase: false);
            return Scan(lines, ref exact) && exact.Found;
        }

        var visitor = new ContainsVisitor(item, ignoreCase: true);
        return Scan(lines, ref visitor) && visitor.Found;
    }

    /// <summary>Looks for one item; with <c>ignoreCase</c>, folds only the element's case (the item is lower-case).</summary>
    private struct ContainsVisitor(string item, bool ignoreCase) : IListElementVisitor
    {
        public bool Found { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(ReadOnlySpan<char> element)
        {
            if (ignoreCase ? AsciiLowercase.EqualsFolded(element, item) : element.SequenceEqual(item))
            {
                Found = true;
            }
        }
    }
}

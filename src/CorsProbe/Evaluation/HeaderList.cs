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
            var valid = line.Length >= VectorThreshold && ListSeparatorMasks.IsSupported
                ? ScanLineVectorized(line, ref visitor)
                : ScanLine(line, ref visitor);
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    // Below this length the table-driven scalar scanner beats the fixed cost of the character-set check and the masks.
    private const int VectorThreshold = 16;

    // Each line scanner is kept out of line: inlined into its caller, it would use up the JIT's inlining budget and
    // leave the small helpers below (masks, segments, the visitor) as calls.
    // The same rules as ScanLine, in bulk: one vectorized check that every character is a tchar, a comma, SP or HTAB;
    // then, 64 characters at a time, comma and whitespace masks locate each element, its trim and any inner space.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ScanLineVectorized<TVisitor>(string line, ref TVisitor visitor)
        where TVisitor : struct, IListElementVisitor
    {
        var span = line.AsSpan();
        if (!HttpToken.IsListText(span))
        {
            return false;
        }

        var segmentStart = 0;
        var blockStart = 0;
        var masks = default(ListSeparatorMasks);
        for (; blockStart < span.Length; blockStart += ListSeparatorMasks.BlockLength)
        {
            masks = ListSeparatorMasks.Of(span, blockStart);
            var commas = masks.Commas;
            while (commas != 0)
            {
                var end = blockStart + ListSeparatorMasks.Lowest(commas);
                commas &= commas - 1;
                if (!Segment(span, segmentStart, end, blockStart, masks.Whitespace, ref visitor))
                {
                    return false;
                }

                segmentStart = end + 1;
            }
        }

        // The element after the last comma ends with the line, in the last block.
        return Segment(span, segmentStart, span.Length, blockStart - ListSeparatorMasks.BlockLength, masks.Whitespace, ref visitor);
    }

    // One element between two commas: trimmed of SP/HTAB, empty ones skipped, inner SP/HTAB invalid. Uses the block's
    // whitespace mask when the segment lies within the block, else the scalar rules (a segment crossing a block edge).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Segment<TVisitor>(ReadOnlySpan<char> span, int start, int end, int blockStart, ulong whitespace, ref TVisitor visitor)
        where TVisitor : struct, IListElementVisitor
    {
        if (start < blockStart)
        {
            return SegmentAcrossBlocks(span[start..end], ref visitor);
        }

        var length = end - start;
        var spaces = ListSeparatorMasks.Range(whitespace, start - blockStart, end - blockStart);
        var content = ~spaces & (length >= 64 ? ulong.MaxValue : (1UL << length) - 1);
        if (content == 0)
        {
            return true;
        }

        var first = ListSeparatorMasks.Lowest(content);
        var last = ListSeparatorMasks.Highest(content);
        if (ListSeparatorMasks.Range(spaces, first, last) != 0)
        {
            return false;
        }

        visitor.Visit(span.Slice(start + first, last - first + 1));
        return true;
    }

    // Rare (an element straddling a 64-character boundary), so kept out of line to spare the hot loop's inlining budget.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool SegmentAcrossBlocks<TVisitor>(ReadOnlySpan<char> segment, ref TVisitor visitor)
        where TVisitor : struct, IListElementVisitor
    {
        var element = HttpWhitespace.Trim(segment);
        if (element.IsEmpty)
        {
            return true;
        }

        if (element.IndexOfAny(' ', '\t') >= 0)
        {
            return false;
        }

        visitor.Visit(element);
        return true;
    }

    // One pass, element by element: skip separators, take a run of token characters as the element, then allow only
    // SP/HTAB before the next comma. Anything else (a quote, a semicolon, a second word as in "GET POST", a control or
    // non-ASCII character) makes the list invalid. A visited element may still be followed by an invalid one.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ScanLine<TVisitor>(string line, ref TVisitor visitor)
        where TVisitor : struct, IListElementVisitor
    {
        var span = line.AsSpan();
        var i = 0;
        while (true)
        {
            // Leading OWS and empty elements.
            while (i < span.Length && span[i] is ' ' or '\t' or ',')
            {
                i++;
            }

            if (i == span.Length)
            {
                return true;
            }

            if (!HttpToken.IsTokenChar(span[i]))
            {
                return false;
            }

            var start = i;
            i = HttpToken.EndOfRun(span, i + 1);
            visitor.Visit(span[start..i]);

            // Trailing OWS, then a comma or the end.
            while (i < span.Length && HttpWhitespace.IsOws(span[i]))
            {
                i++;
            }

            if (i == span.Length)
            {
                return true;
            }

            if (span[i] != ',')
            {
                return false;
            }

            i++;
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

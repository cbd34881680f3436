using System.Runtime.CompilerServices;

namespace CorsProbing.Evaluation;

/// <summary>Collects, in one pass over <c>Access-Control-Allow-Headers</c>, which requested names it allows.</summary>
/// <param name="names">The requested CORS-unsafe names, lower-cased.</param>
internal struct AllowHeadersVisitor(string[] names) : IListElementVisitor
{
    /// <summary>The most names tracked in <see cref="Matched"/>; longer lists are checked one name at a time.</summary>
    public const int MaxTracked = 64;

    /// <summary>Bit <c>i</c> is set when <c>names[i]</c> is listed (case-insensitive).</summary>
    public ulong Matched { get; private set; }

    /// <summary>An element is <c>*</c>.</summary>
    public bool Wildcard { get; private set; }

    /// <summary>True when every requested name is listed.</summary>
    public readonly bool AllListed => Matched == (names.Length >= MaxTracked ? ulong.MaxValue : (1UL << names.Length) - 1);

    /// <summary>True when <paramref name="name"/>, one of the requested names, is listed explicitly.</summary>
    public readonly bool Lists(string name)
    {
        var index = Array.IndexOf(names, name);
        return index is >= 0 and < MaxTracked && (Matched & (1UL << index)) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Visit(ReadOnlySpan<char> element)
    {
        if (element is "*")
        {
            Wildcard = true;
            return;
        }

        // Once every requested name is found, the rest of the list only needs its syntax checked.
        if (AllListed)
        {
            return;
        }

        // The requested names are lower-cased already: fold the element only (tokens are ASCII).
        var count = Math.Min(names.Length, MaxTracked);
        for (var i = 0; i < count; i++)
        {
            var name = names[i];
            if (AsciiLowercase.EqualsFolded(element, name))
            {
                Matched |= 1UL << i;
                return;
            }
        }
    }
}

using System.Text;

namespace CorsProbing.Evaluation;

/// <summary>Collects, in one pass over <c>Access-Control-Allow-Headers</c>, which requested names it lists.</summary>
/// <param name="names">The requested CORS-unsafe names, lower-cased (at most <see cref="MaxNames"/>).</param>
internal struct AllowHeadersVisitor(string[] names) : IListElementVisitor
{
    /// <summary>The most names one request can ask for; the builder refuses more.</summary>
    public const int MaxNames = 64;

    /// <summary>Bit <c>i</c> is set when <c>names[i]</c> is listed (case-insensitive).</summary>
    public ulong Listed { get; private set; }

    /// <summary>An element is <c>*</c>.</summary>
    public bool Wildcard { get; private set; }

    public void Visit(ReadOnlySpan<char> element, ListElement where)
    {
        // "*" is both a wildcard (without credentials) and a token that a header named "*" matches, as for methods.
        Wildcard |= element is "*";
        for (var i = 0; i < names.Length; i++)
        {
            // Elements and names are tokens, so ASCII case folding is the whole of the case-insensitive comparison. A name
            // may be requested twice (Firefox repeats a header set twice in two cases): one element allows both.
            if (Ascii.EqualsIgnoreCase(element, names[i]))
            {
                Listed |= 1UL << i;
            }
        }
    }
}

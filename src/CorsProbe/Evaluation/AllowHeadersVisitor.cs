using System.Text;

namespace CorsProbing.Evaluation;

/// <summary>Collects, in one pass over <c>Access-Control-Allow-Headers</c>, which requested names it lists.</summary>
/// <param name="names">The requested CORS-unsafe names, lower-cased.</param>
internal struct AllowHeadersVisitor(string[] names) : IListElementVisitor
{
    private bool[]? _listed;

    /// <summary>An element is <c>*</c>.</summary>
    public bool Wildcard { get; private set; }

    /// <summary>The requested names no element lists, in the order requested.</summary>
    public readonly string[] Unlisted()
    {
        if (_listed is null)
        {
            return names;
        }

        var unlisted = new List<string>(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            if (!_listed[i])
            {
                unlisted.Add(names[i]);
            }
        }

        return [.. unlisted];
    }

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
                _listed ??= new bool[names.Length];
                _listed[i] = true;
            }
        }
    }
}

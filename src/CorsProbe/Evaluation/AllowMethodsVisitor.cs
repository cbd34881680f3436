using System.Text;

namespace CorsProbing.Evaluation;

/// <summary>Collects, in one pass over <c>Access-Control-Allow-Methods</c>, what the method check needs.</summary>
/// <param name="method">The normalized method of the request.</param>
internal struct AllowMethodsVisitor(string method) : IListElementVisitor
{
    /// <summary>An element equals the method exactly (methods are case-sensitive).</summary>
    public bool Listed { get; private set; }

    /// <summary>An element is <c>*</c>.</summary>
    public bool Wildcard { get; private set; }

    /// <summary>The first element that equals the method only when case is ignored, for the explanation.</summary>
    public ListElement CaseVariant { get; private set; }

    public void Visit(ReadOnlySpan<char> element, ListElement where)
    {
        // "*" is both a wildcard (without credentials) and a token that a method named "*" matches.
        Wildcard |= element is "*";
        if (element.Length != method.Length)
        {
            return;
        }

        if (element.SequenceEqual(method))
        {
            Listed = true;
        }
        else if (CaseVariant.IsNone && Ascii.EqualsIgnoreCase(element, method))
        {
            CaseVariant = where;
        }
    }
}

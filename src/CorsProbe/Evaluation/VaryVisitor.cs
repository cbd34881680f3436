using System.Text;

namespace CorsProbing.Evaluation;

/// <summary>Looks for <c>Origin</c> or <c>*</c> in <c>Vary</c>.</summary>
internal struct VaryVisitor : IListElementVisitor
{
    /// <summary>The response varies by <c>Origin</c> (or by everything).</summary>
    public bool CoversOrigin { get; private set; }

    public void Visit(ReadOnlySpan<char> element, ListElement where) =>
        CoversOrigin |= element is "*" || Ascii.EqualsIgnoreCase(element, "origin");
}

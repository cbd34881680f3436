namespace CorsProbing.Evaluation;

/// <summary>Receives each non-empty, valid element of a list header from <see cref="HeaderList.Scan{TVisitor}"/>.</summary>
internal interface IListElementVisitor
{
    /// <summary>Called once per element, trimmed, in order.</summary>
    void Visit(ReadOnlySpan<char> element, ListElement where);
}

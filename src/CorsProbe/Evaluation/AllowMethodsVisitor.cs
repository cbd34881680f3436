using System.Runtime.CompilerServices;

namespace CorsProbing.Evaluation;

/// <summary>Collects, in one pass over <c>Access-Control-Allow-Methods</c>, what the method check needs.</summary>
internal struct AllowMethodsVisitor(string method) : IListElementVisitor
{
    /// <summary>An element equals the method exactly (methods are case-sensitive).</summary>
    public bool Listed { get; private set; }

    /// <summary>An element is <c>*</c>.</summary>
    public bool Wildcard { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Visit(ReadOnlySpan<char> element)
    {
        if (element is "*")
        {
            Wildcard = true;
        }
        else if (!Listed && element.SequenceEqual(method))
        {
            Listed = true;
        }
    }
}

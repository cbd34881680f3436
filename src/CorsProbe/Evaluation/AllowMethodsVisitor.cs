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
        // Most listed methods differ from the wanted one in length or first letter (GET, POST, PUT, PATCH, DELETE):
        // testing those inline spares the call behind SequenceEqual.
        if (element.Length == method.Length && element[0] == method[0] && element.SequenceEqual(method))
        {
            Listed = true;
        }
        else if (element is "*")
        {
            Wildcard = true;
        }
    }
}

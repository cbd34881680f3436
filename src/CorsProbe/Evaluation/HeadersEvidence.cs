namespace CorsProbing.Evaluation;

/// <summary>What <c>Access-Control-Allow-Headers</c> held for the request's CORS-unsafe header names.</summary>
/// <param name="Invalid">The first element that is not a token (the header is then invalid), or none.</param>
/// <param name="Unlisted">Bit <c>i</c> is set when the <c>i</c>-th requested name is not listed by name.</param>
/// <param name="Wildcard">An element is <c>*</c>.</param>
internal readonly record struct HeadersEvidence(ListElement Invalid, ulong Unlisted, bool Wildcard)
{
    /// <summary>True when the <paramref name="index"/>-th requested name is not listed by name.</summary>
    public bool IsUnlisted(int index) => (Unlisted & (1UL << index)) != 0;
}

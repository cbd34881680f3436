namespace CorsProbing.Evaluation;

/// <summary>What <c>Access-Control-Allow-Methods</c> held for the request's method.</summary>
/// <param name="List">The header as a list: its elements, and the first invalid one (the header is then invalid).</param>
/// <param name="Listed">An element is exactly the method.</param>
/// <param name="Wildcard">An element is <c>*</c>.</param>
/// <param name="CaseVariant">The first element that differs from the method only in case, or null.</param>
internal readonly record struct AllowMethodsEvidence(ListValue List, bool Listed, bool Wildcard, string? CaseVariant);

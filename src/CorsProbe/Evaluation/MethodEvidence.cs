namespace CorsProbing.Evaluation;

/// <summary>What <c>Access-Control-Allow-Methods</c> held for the request's method.</summary>
/// <param name="Invalid">The first element that is not a token (the header is then invalid), or none.</param>
/// <param name="Listed">An element is exactly the method.</param>
/// <param name="Wildcard">An element is <c>*</c>.</param>
/// <param name="CaseVariant">An element that differs from the method only in case, or none.</param>
internal readonly record struct MethodEvidence(ListElement Invalid, bool Listed, bool Wildcard, ListElement CaseVariant);

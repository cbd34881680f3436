namespace CorsProbing.Evaluation;

/// <summary>What <c>Access-Control-Allow-Headers</c> held for the request's CORS-unsafe header names.</summary>
/// <param name="Invalid">The first element that is not a token (the header is then invalid), or none.</param>
/// <param name="Unlisted">The requested names it does not list by name, in the order requested.</param>
/// <param name="Wildcard">An element is <c>*</c>.</param>
internal readonly record struct HeadersEvidence(ListElement Invalid, string[] Unlisted, bool Wildcard);

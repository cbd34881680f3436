namespace CorsProbing.Evaluation;

/// <summary>What <c>Access-Control-Allow-Headers</c> held for the request's CORS-unsafe header names.</summary>
/// <param name="List">The header as a list: its elements, and the first invalid one (the header is then invalid).</param>
/// <param name="Unlisted">The requested names it does not list by name, in the order requested.</param>
/// <param name="Wildcard">An element is <c>*</c>.</param>
internal readonly record struct AllowHeadersEvidence(ListValue List, string[] Unlisted, bool Wildcard);

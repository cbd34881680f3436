namespace CorsProbing.OpenApi;

/// <summary>Every way of calling every operation of a document, derived and not yet probed.</summary>
/// <param name="Document">The document as the caller named it.</param>
/// <param name="SpecificationVersion">The version the document declares: <c>2.0</c>, <c>3.0.3</c>, <c>3.1.0</c>.</param>
/// <param name="Title">The document's <c>info.title</c>.</param>
/// <param name="Operations">The ways of calling, operation by operation in the document's order.</param>
/// <param name="Skipped">Operations not probed, each with the reason.</param>
/// <param name="Location">The URL the document was read from (a file's <c>file:</c> URL), or null for text without one.</param>
internal sealed record OpenApiPlan(string Document, string SpecificationVersion, string? Title, IReadOnlyList<PlannedOperation> Operations, IReadOnlyList<string> Skipped, Uri? Location);

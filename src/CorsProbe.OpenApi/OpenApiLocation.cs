namespace CorsProbing.OpenApi;

/// <summary>Where an operation is in its OpenAPI document.</summary>
/// <param name="Document">The document as the caller named it: a path or a URL.</param>
/// <param name="JsonPointer">The JSON pointer of the operation, such as <c>/paths/~1quests~1{id}/get</c>.</param>
/// <param name="Line">The 1-based line of the operation's key in the document's text.</param>
public sealed record OpenApiLocation(string Document, string JsonPointer, int? Line)
{
    /// <summary>The location as <c>document:line</c> (or <c>document#pointer</c> without a line).</summary>
    /// <returns>The document and the line, else the pointer.</returns>
    public override string ToString() => Line is { } line ? $"{Document}:{line}" : $"{Document}#{JsonPointer}";
}

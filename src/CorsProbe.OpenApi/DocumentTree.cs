using System.Text.Json.Nodes;

namespace CorsProbing.OpenApi;

/// <summary>
/// A document read once into the JSON tree the OpenAPI reader takes, with the line of each operation: the OpenAPI model
/// keeps no positions, so the text is read here, where they are known, and the model is built from this tree.
/// </summary>
/// <param name="Root">The document as JSON.</param>
/// <param name="OperationLines">The 1-based line of each operation's key, by path and lower-case method.</param>
internal sealed record DocumentTree(JsonNode Root, IReadOnlyDictionary<(string Path, string Method), int> OperationLines)
{
    /// <summary>Reads JSON (the text starts with <c>{</c>) or else YAML.</summary>
    /// <exception cref="OpenApiDocumentException">The text is neither, or its top level is not a mapping.</exception>
    public static DocumentTree Read(LoadedDocument document)
    {
        var text = document.Bytes.AsSpan();
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        var first = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0)
        {
            throw new OpenApiDocumentException($"{document.Name} is empty: no OpenAPI document to read.");
        }

        return text[first] == (byte)'{' ? JsonDocumentTree.Read(text, document.Name) : YamlDocumentTree.Read(text, document.Name);
    }
}

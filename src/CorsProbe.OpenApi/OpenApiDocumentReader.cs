using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace CorsProbing.OpenApi;

/// <summary>Builds the OpenAPI model from a document's tree, refusing what is not an OpenAPI document, in the reader's words.</summary>
internal static class OpenApiDocumentReader
{
    // The reader wants a location; a document read from bytes has none, and nothing is fetched relative to it.
    private static readonly Uri Unlocated = new("https://openapi.invalid/");

    /// <exception cref="OpenApiDocumentException">Not an OpenAPI document, a broken or outside reference, or errors the reader found.</exception>
    public static OpenApiDocument Read(DocumentTree tree, LoadedDocument loaded)
    {
        if (tree.Root is not JsonObject root || !(root.ContainsKey("openapi") || root.ContainsKey("swagger")))
        {
            throw new OpenApiDocumentException(
                $"{loaded.Name} is not an OpenAPI document: its top level has neither 'openapi' (3.x) nor 'swagger' (2.0).");
        }

        LocalReferences.Check(root, loaded.Name);
        ReadResult result;
        try
        {
            result = new OpenApiJsonReader().Read(root, loaded.Location ?? Unlocated, new OpenApiReaderSettings { LoadExternalRefs = false });
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            throw new OpenApiDocumentException(
                $"{loaded.Name} declares OpenAPI {exception.SpecificationVersion}, which CorsProbe does not read; it reads 2.0, 3.0 and 3.1.", exception);
        }
        catch (OpenApiException exception)
        {
            throw new OpenApiDocumentException($"{loaded.Name} cannot be read as an OpenAPI document: {exception.Message}", exception);
        }

        if (result.Diagnostic?.Errors is { Count: > 0 } errors)
        {
            var listed = string.Join("; ", errors.Take(3).Select(error => string.IsNullOrEmpty(error.Pointer) ? error.Message : $"{error.Message} (at {error.Pointer})"));
            throw new OpenApiDocumentException(
                $"{loaded.Name} is not a valid OpenAPI document: {listed}{(errors.Count > 3 ? $", and {errors.Count - 3} more" : "")}.");
        }

        return result.Document ?? throw new OpenApiDocumentException($"{loaded.Name} cannot be read as an OpenAPI document.");
    }
}

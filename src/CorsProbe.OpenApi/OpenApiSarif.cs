using CorsProbing.Serialization;

namespace CorsProbing.OpenApi;

/// <summary>Where an operation's findings point in SARIF: its line in the document, and the operation itself.</summary>
internal static class OpenApiSarif
{
    public static SarifLocation LocationOf(OpenApiOperationReport operation, Uri? documentLocation) =>
        new(ArtifactUri(operation.Location.Document, documentLocation), operation.Location.Line, operation.Name, $"{operation.Method} {operation.Path}", "function", operation.Label);

    // Code scanning takes paths relative to the repository, which is where CI runs: a file under the current directory
    // is named relative to it; a document read from a URL by the URL's path form.
    private static string ArtifactUri(string document, Uri? location)
    {
        if (location is not { IsFile: true })
        {
            return location is null ? "openapi-document" : SarifLocation.PathOf(location);
        }

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, location.LocalPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? location.AbsoluteUri : relative.Replace('\\', '/');
    }
}

namespace CorsProbing.OpenApi;

/// <summary>A document in a local file, read when probed.</summary>
internal sealed record FileDocumentSource(string Path) : DocumentSource
{
    /// <inheritdoc />
    public override string Name => Path;

    /// <inheritdoc />
    public override async Task<LoadedDocument> LoadAsync(CorsRequirements transport, long maxBytes, OpenApiSettingNames names, CancellationToken cancellationToken)
    {
        try
        {
            var full = System.IO.Path.GetFullPath(Path);
            if (new FileInfo(full).Length > maxBytes)
            {
                throw new OpenApiDocumentException(TooLarge(maxBytes, names));
            }

            var bytes = await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false);
            return new(bytes, new Uri(full), Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OpenApiDocumentException($"{Path} cannot be read: {exception.Message}", exception);
        }
    }
}

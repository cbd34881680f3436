namespace CorsProbing.OpenApi;

/// <summary>A document the caller read already (a stream, a string), with the URL it came from when there is one.</summary>
internal sealed record BytesDocumentSource(byte[] Bytes, Uri? Location) : DocumentSource
{
    /// <inheritdoc />
    public override string Name => Location?.OriginalString ?? "The OpenAPI document";

    /// <inheritdoc />
    public override Task<LoadedDocument> LoadAsync(CorsRequirements transport, long maxBytes, OpenApiSettingNames names, CancellationToken cancellationToken) =>
        Bytes.LongLength > maxBytes
            ? throw new OpenApiDocumentException(TooLarge(maxBytes, names))
            : Task.FromResult(new LoadedDocument(Bytes, Location, Name));
}

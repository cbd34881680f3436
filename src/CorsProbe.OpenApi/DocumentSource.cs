namespace CorsProbing.OpenApi;

/// <summary>Where an OpenAPI document comes from: a file, a URL, or bytes the caller already read.</summary>
internal abstract record DocumentSource
{
    /// <summary>How messages and reports name the document: the path as given, or the URL.</summary>
    public abstract string Name { get; }

    /// <summary>The document's bytes, at most <paramref name="maxBytes"/>, and the URL relative servers resolve against.</summary>
    /// <exception cref="OpenApiDocumentException">The document cannot be read, or is larger than <paramref name="maxBytes"/>.</exception>
    public abstract Task<LoadedDocument> LoadAsync(CorsRequirements transport, long maxBytes, OpenApiSettingNames names, CancellationToken cancellationToken);

    /// <summary>Why a document of more than <paramref name="maxBytes"/> bytes is refused, naming the setting that raises the limit.</summary>
    protected string TooLarge(long maxBytes, OpenApiSettingNames names) =>
        $"{Name} is larger than {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, the most CorsProbe reads of a document; {names.MaxDocumentSize}.";
}

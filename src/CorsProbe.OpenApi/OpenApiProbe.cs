namespace CorsProbing.OpenApi;

/// <summary>
/// Entry point: probes every operation of an OpenAPI 2.0, 3.0 or 3.1 document (JSON or YAML), as a browser page would
/// call each.
/// <code>
/// OpenApiCorsReport report = await OpenApiProbe.FromUrl("https://api.example.com/openapi.json")
///     .WithOrigin("https://dashboard.galxe.com")
///     .ProbeAsync(cancellationToken);
/// </code>
/// </summary>
public static class OpenApiProbe
{
    /// <summary>The default of <see cref="OpenApiProbeBuilder.WithMaxDocumentSize"/>: 8 MiB, more than the largest public API descriptions but far from what fills memory.</summary>
    public const long DefaultMaxDocumentSize = 8 * 1024 * 1024;

    /// <summary>Probes the document in a local file (JSON or YAML), read when probed.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>A builder; nothing is read until <see cref="OpenApiProbeBuilder.ProbeAsync"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static OpenApiProbeBuilder FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new(new FileDocumentSource(path));
    }

    /// <summary>
    /// Probes the document served at <paramref name="url"/>, fetched through the probes' transport: the handler or
    /// client given with <see cref="OpenApiProbeBuilder.ConfigureProbes"/>, else CorsProbe's guarded handler, so the
    /// document's address is held to the same network policy as the API's. Relative servers resolve against it.
    /// </summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <returns>A builder; nothing is fetched until <see cref="OpenApiProbeBuilder.ProbeAsync"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http or https URL.</exception>
    public static OpenApiProbeBuilder FromUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new(new UrlDocumentSource(HttpUrl(url, nameof(url))));
    }

    /// <summary>Probes the document served at <paramref name="url"/>; see <see cref="FromUrl(string)"/>.</summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <returns>A builder; nothing is fetched until <see cref="OpenApiProbeBuilder.ProbeAsync"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http or https URL.</exception>
    public static OpenApiProbeBuilder FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return FromUrl(url.IsAbsoluteUri ? url.OriginalString : throw new ArgumentException($"'{url}' is relative; give the document's absolute http or https URL.", nameof(url)));
    }

    /// <summary>Probes a document the caller holds as text (a test's own document).</summary>
    /// <param name="document">The document, JSON or YAML.</param>
    /// <param name="documentUrl">The URL it was served at, which relative servers resolve against; null when there is none.</param>
    /// <returns>A builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="documentUrl"/> is not an absolute http or https URL.</exception>
    public static OpenApiProbeBuilder FromText(string document, Uri? documentUrl = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(new BytesDocumentSource(Encoding.UTF8.GetBytes(document), documentUrl is null ? null : HttpUrl(documentUrl.OriginalString, nameof(documentUrl))));
    }

    /// <summary>
    /// Probes a document read from <paramref name="stream"/> now, to its end (at most
    /// <see cref="DefaultMaxDocumentSize"/> bytes): the builder holds the bytes, so it can be probed again.
    /// </summary>
    /// <param name="stream">The document, JSON or YAML; not disposed.</param>
    /// <param name="documentUrl">The URL it was served at, which relative servers resolve against; null when there is none.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="documentUrl"/> is not an absolute http or https URL.</exception>
    /// <exception cref="OpenApiDocumentException">The stream holds more than <see cref="DefaultMaxDocumentSize"/> bytes.</exception>
    public static async Task<OpenApiProbeBuilder> FromStreamAsync(Stream stream, Uri? documentUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var location = documentUrl is null ? null : HttpUrl(documentUrl.OriginalString, nameof(documentUrl));
        var bytes = await BoundedRead.ReadAsync(
            stream,
            DefaultMaxDocumentSize,
            () => $"The stream holds more than {DefaultMaxDocumentSize.ToString("N0", CultureInfo.InvariantCulture)} bytes, the most CorsProbe reads of a document.",
            cancellationToken).ConfigureAwait(false);
        return new(new BytesDocumentSource(bytes, location));
    }

    private static Uri HttpUrl(string url, string paramName) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? parsed
            : throw new ArgumentException($"'{url}' is not an absolute http or https URL.", paramName);
}

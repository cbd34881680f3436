namespace CorsProbing.OpenApi;

/// <summary>Reads a document's stream to its end, refusing it as soon as it holds more than the limit.</summary>
internal static class BoundedRead
{
    /// <exception cref="OpenApiDocumentException">The stream holds more than <paramref name="maxBytes"/>; its message is <paramref name="tooLarge"/>.</exception>
    public static async Task<byte[]> ReadAsync(Stream stream, long maxBytes, Func<string> tooLarge, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new OpenApiDocumentException(tooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

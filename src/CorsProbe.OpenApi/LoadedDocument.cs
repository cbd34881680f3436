namespace CorsProbing.OpenApi;

/// <summary>A document's bytes as read, the URL it was read from (a file's <c>file:</c> URL) and its name in messages.</summary>
internal sealed record LoadedDocument(byte[] Bytes, Uri? Location, string Name);

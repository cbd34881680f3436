namespace CorsProbing.Requirements;

/// <summary>
/// A header the page's script sets on the actual request. <see cref="Value"/> is <see langword="null"/> when the
/// caller named the header without a value (<see cref="CorsProbeBuilder.RequireHeaders(string[])"/>): such a
/// header is always treated as CORS-unsafe.
/// </summary>
internal sealed record AuthorHeader(string Name, string? Value);

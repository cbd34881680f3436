namespace CorsProbing.Conformance.Support;

/// <summary>One HTTP/1.1 request as it arrived: header lines in order, names and values untouched.</summary>
public sealed record RawRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The first value of <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The host name the request was addressed to, without the port.</summary>
    public string Host => (Header("Host") ?? string.Empty).Split(':')[0].ToLowerInvariant();

    /// <summary>
    /// The path of <see cref="Target"/>, without the query. A request a browser sends through a proxy names the whole URL
    /// (absolute form, which an origin server must accept too): its path is the path.
    /// </summary>
    public string Path => (Uri.TryCreate(Target, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url.AbsolutePath : Target).Split('?')[0];
}

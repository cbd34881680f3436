namespace CorsProbing.Conformance.Support;

/// <summary>One HTTP/1.1 request as it arrived: header lines in order, names and values untouched.</summary>
public sealed record RawRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The first value of <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The host name the request was addressed to, without the port.</summary>
    public string Host => (Header("Host") ?? string.Empty).Split(':')[0].ToLowerInvariant();

    /// <summary>The path of <see cref="Target"/>, without the query.</summary>
    public string Path => Target.Split('?')[0];
}

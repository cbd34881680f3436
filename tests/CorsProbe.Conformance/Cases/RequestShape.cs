namespace CorsProbing.Conformance.Cases;

/// <summary>What the page asks for: origin, method, headers and credentials mode.</summary>
public sealed record RequestShape(CaseOrigin Origin, string Method, IReadOnlyList<KeyValuePair<string, string>> Headers, bool Credentials)
{
    private static readonly string[] NormalizedMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];

    /// <summary>The method on the wire: Fetch upper-cases these six case-insensitively and leaves every other alone.</summary>
    public string WireMethod =>
        NormalizedMethods.FirstOrDefault(m => m.Equals(Method, StringComparison.OrdinalIgnoreCase)) ?? Method;

    /// <summary>The header names a server must allow (the CORS-unsafe ones), as the page wrote them.</summary>
    public IReadOnlyList<string> UnsafeHeaderNames =>
        [.. Headers.Where(h => !IsSafelisted(h.Key, h.Value)).Select(h => h.Key)];

    /// <summary>The serialized origin.</summary>
    public string OriginValue => CaseOrigins.Serialize(Origin);

    // Only the safelisted pairs this matrix uses.
    private static bool IsSafelisted(string name, string value) =>
        name.Equals("Accept-Language", StringComparison.OrdinalIgnoreCase)
        || (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && value == "text/plain");
}

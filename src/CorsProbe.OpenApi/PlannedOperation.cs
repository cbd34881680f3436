namespace CorsProbing.OpenApi;

/// <summary>One way of calling one operation, as the page would: the request it makes and why, before it is probed.</summary>
/// <param name="Name">The operation id, or <c>METHOD path</c>.</param>
/// <param name="OperationId">The operation id, when the document gives one.</param>
/// <param name="Method">The method, upper-case.</param>
/// <param name="Path">The path template as the document writes it.</param>
/// <param name="Alternative">Which way of calling it this is, when the operation has several.</param>
/// <param name="Url">The URL to probe.</param>
/// <param name="Location">Where the operation is in the document.</param>
/// <param name="Requirements">Every fact of the request, with its reason.</param>
internal sealed record PlannedOperation(
    string Name,
    string? OperationId,
    string Method,
    string Path,
    string? Alternative,
    string Url,
    OpenApiLocation Location,
    IReadOnlyList<OpenApiRequirement> Requirements)
{
    /// <summary>The headers the page sets, in the order derived, without repeats (value null when unknown).</summary>
    public IReadOnlyList<(string Name, string? Value)> Headers =>
        [.. Requirements.Where(r => r.Kind == OpenApiRequirementKind.Header).Select(r => (r.Name, r.Value)).DistinctBy(h => h.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Whether the page sends credentials.</summary>
    public bool Credentials => Requirements.Any(r => r.Kind == OpenApiRequirementKind.Credentials);

    /// <summary>
    /// What decides the preflight and the verdict: the URL, the method, credentials, and for each header its name and
    /// whether each engine safelists its value. Ways of calling with the same key share one probe.
    /// </summary>
    public string ProbeKey =>
        string.Join('\n', [Url, Method, Credentials ? "credentials" : "", ..Headers
            .Select(h => h.Name.ToLowerInvariant() + ":" + string.Concat(BrowserEngine.All.Select(e => h.Value is { } v && SafelistedRequestHeaders.IsSafelisted(h.Name, v, e) ? 's' : 'u')))
            .Order(StringComparer.Ordinal)]);
}

namespace CorsProbing.OpenApi;

/// <summary>
/// What one choice the page makes adds to a request (one alternative of <c>security</c>, one body type): headers it
/// sets, whether it sends credentials, and the requirements that say why.
/// </summary>
/// <param name="Label">How the choice is named when an operation has several ("security: apiKey", "body: application/json"), else null.</param>
/// <param name="Requirements">The facts, with their reasons.</param>
internal sealed record RequestPart(string? Label, IReadOnlyList<OpenApiRequirement> Requirements)
{
    /// <summary>No choice: adds nothing.</summary>
    public static RequestPart None { get; } = new(null, []);

    /// <summary>The headers the part sets, in order (value null when unknown).</summary>
    public IEnumerable<(string Name, string? Value)> Headers =>
        Requirements.Where(r => r.Kind == OpenApiRequirementKind.Header).Select(r => (r.Name, r.Value));

    /// <summary>Whether the part sends credentials.</summary>
    public bool Credentials => Requirements.Any(r => r.Kind == OpenApiRequirementKind.Credentials);
}

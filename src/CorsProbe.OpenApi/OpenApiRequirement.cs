namespace CorsProbing.OpenApi;

/// <summary>One fact of an operation's request, derived from the document, with the reason it was derived.</summary>
/// <param name="Kind">What part of the request it decides.</param>
/// <param name="Name">The header, parameter or server it is about (the method for <see cref="OpenApiRequirementKind.Method"/>).</param>
/// <param name="Value">The value sent, or <see langword="null"/> when the document gives none (a header named without a value is always CORS-unsafe).</param>
/// <param name="Reason">Where in the document it comes from, in words: "security scheme 'apiKey' (apiKey in header)".</param>
public sealed record OpenApiRequirement(OpenApiRequirementKind Kind, string Name, string? Value, string Reason)
{
    /// <summary>The requirement as a line: <c>Header X-Api-Key: from security scheme 'apiKey' (apiKey in header)</c>.</summary>
    /// <returns>The kind, name, value when there is one, and the reason.</returns>
    public override string ToString() =>
        Value is null ? $"{Kind} {Name}: {Reason}" : $"{Kind} {Name} = {Value}: {Reason}";
}

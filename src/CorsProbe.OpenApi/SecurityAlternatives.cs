using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CorsProbing.OpenApi;

/// <summary>
/// The ways a page can authenticate to an operation: one per alternative of its <c>security</c> (the operation's own
/// list when it has one, even empty, else the document's), each with what the page then sends.
/// </summary>
internal static class SecurityAlternatives
{
    /// <exception cref="OpenApiDocumentException">A requirement names a scheme the document does not define.</exception>
    public static IReadOnlyList<RequestPart> Of(OpenApiOperation operation, OpenApiDocument document, JsonNode? operationNode, string documentName)
    {
        var own = operationNode is JsonObject node && node.ContainsKey("security");
        var requirements = own ? operation.Security : document.Security;
        var source = own ? "the operation's security" : "the document's security";
        if (requirements is null || requirements.Count == 0)
        {
            return [RequestPart.None];
        }

        return [.. requirements.Select(requirement => Alternative(requirement, requirements.Count, source, documentName))];
    }

    private static RequestPart Alternative(OpenApiSecurityRequirement requirement, int count, string source, string documentName)
    {
        if (requirement.Count == 0)
        {
            return new(count > 1 ? "security: none" : null, []);
        }

        var facts = new List<OpenApiRequirement>();
        foreach (var scheme in requirement.Keys)
        {
            var id = scheme.Reference?.Id ?? "?";
            var why = $"security scheme '{id}' of {source}";
            facts.Add(scheme.Type switch
            {
                SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Header && scheme.Name is { } header =>
                    header.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
                        ? new(OpenApiRequirementKind.Credentials, "include", null, $"{why} (an API key in the Cookie header: the browser sends cookies only with credentials 'include')")
                        : new(OpenApiRequirementKind.Header, header, null, $"{why} (an API key in header {header})"),
                SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Cookie =>
                    new(OpenApiRequirementKind.Credentials, "include", null, $"{why} (an API key in cookie '{scheme.Name}': the browser sends cookies only with credentials 'include')"),
                SecuritySchemeType.ApiKey =>
                    new(OpenApiRequirementKind.NotSent, scheme.Name ?? id, null, $"{why} (an API key in the query: part of the URL, which a preflight does not ask about)"),
                SecuritySchemeType.Http =>
                    new(OpenApiRequirementKind.Header, "Authorization", null, $"{why} (HTTP {scheme.Scheme ?? "authentication"})"),
                SecuritySchemeType.OAuth2 =>
                    new(OpenApiRequirementKind.Header, "Authorization", null, $"{why} (OAuth 2: the page sends its access token as Authorization: Bearer)"),
                SecuritySchemeType.OpenIdConnect =>
                    new(OpenApiRequirementKind.Header, "Authorization", null, $"{why} (OpenID Connect: the page sends its token as Authorization: Bearer)"),
                SecuritySchemeType.MutualTLS =>
                    new(OpenApiRequirementKind.Credentials, "include", null, $"{why} (mutual TLS: the browser presents a client certificate only with credentials 'include')"),
                _ => throw new OpenApiDocumentException(
                    $"{documentName}: a security requirement names '{id}', which the document does not define (components/securitySchemes; securityDefinitions in 2.0)."),
            });
        }

        return new(count > 1 ? "security: " + string.Join(" + ", requirement.Keys.Select(k => k.Reference?.Id)) : null, facts);
    }
}

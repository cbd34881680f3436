using Microsoft.OpenApi;

namespace CorsProbing.OpenApi;

/// <summary>
/// The ways a page can send an operation's request body: one per media type of its <c>requestBody</c>, each setting
/// <c>Content-Type</c> to that type (which a browser safelists only for form, multipart and plain text).
/// </summary>
internal static class BodyTypes
{
    public static IReadOnlyList<RequestPart> Of(OpenApiOperation operation, string method)
    {
        if (operation.RequestBody?.Content is not { Count: > 0 } content)
        {
            return [RequestPart.None];
        }

        if (method is "GET" or "HEAD")
        {
            return [new(null, [new(OpenApiRequirementKind.NotSent, "body", null, $"the request body: fetch() sends no body with {method}")])];
        }

        return [.. content.Keys.Select(type => type == "*/*"
            ? new RequestPart(content.Count > 1 ? "body: */*" : null, [new(OpenApiRequirementKind.NotSent, "Content-Type", null, "the request body takes any media type (*/*): the page chooses one, so none is assumed")])
            : new RequestPart(content.Count > 1 ? "body: " + type : null, [new(OpenApiRequirementKind.Header, "Content-Type", type, $"the request body as {type}")]))];
    }
}

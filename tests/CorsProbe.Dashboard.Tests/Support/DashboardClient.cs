using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>Calls the dashboard's API as its page does, and reads the answers.</summary>
public static class DashboardClient
{
    /// <summary>POSTs <paramref name="request"/> (an anonymous object shaped like the page's JSON) to <paramref name="path"/>.</summary>
    public static Task<HttpResponseMessage> PostCheckAsync(this HttpClient client, string path, object request, CancellationToken cancellationToken = default) =>
        client.PostAsJsonAsync(path, request, cancellationToken);

    /// <summary>The body as a JSON object.</summary>
    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>A problem-details answer's messages for <paramref name="field"/>.</summary>
    public static async Task<IReadOnlyList<string>> ReadProblemAsync(this HttpResponseMessage response, string field)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = await response.ReadObjectAsync();
        return problem["errors"]?[field]?.AsArray().Select(message => message!.GetValue<string>()).ToList()
            ?? throw new JsonException($"The problem has no errors for '{field}': {problem}");
    }
}

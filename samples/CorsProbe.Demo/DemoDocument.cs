using System.Globalization;
using System.Text.Json.Nodes;

namespace CorsProbing.Demo;

/// <summary>
/// The embedded API's OpenAPI 3.1 document, served at <c>/openapi.json</c>: each setup's path with an operation per method
/// the dashboard calls it with, a JSON body on the methods that send one, and a session cookie where the calls send
/// credentials. It names no server, so its paths resolve against the URL it is read from.
/// </summary>
internal static class DemoDocument
{
    /// <summary>Where the API serves it.</summary>
    public const string Path = "/openapi.json";

    /// <summary>The document as JSON.</summary>
    public static string Json { get; } = Create().ToJsonString();

    private static JsonObject Create()
    {
        var paths = new JsonObject();
        foreach (var setup in DemoApi.Setups)
        {
            var item = new JsonObject();
            foreach (var method in setup.Methods)
            {
                var operation = new JsonObject
                {
                    ["operationId"] = method.ToLowerInvariant() + Name(setup.Path),
                    ["summary"] = setup.Description,
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "ok" } },
                };
                if (method is "POST" or "PUT")
                {
                    operation["requestBody"] = new JsonObject { ["content"] = new JsonObject { ["application/json"] = new JsonObject() } };
                }

                if (setup.Credentials)
                {
                    operation["security"] = new JsonArray(new JsonObject { ["session"] = new JsonArray() });
                }

                item[method.ToLowerInvariant()] = operation;
            }

            paths[setup.Path] = item;
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "CorsProbe demo API", ["version"] = "1" },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["session"] = new JsonObject { ["type"] = "apiKey", ["in"] = "cookie", ["name"] = "session" },
                },
            },
        };
    }

    // "/missing-put" → "MissingPut".
    private static string Name(string path) =>
        string.Concat(path.Trim('/').Split('-').Select(word => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]));
}

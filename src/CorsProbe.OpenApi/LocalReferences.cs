using System.Text.Json.Nodes;

namespace CorsProbing.OpenApi;

/// <summary>
/// Checks every <c>$ref</c> of a document before it is read: the OpenAPI reader leaves a reference to nothing
/// unresolved without a word, and an operation whose parameters or body come from such a reference would be probed
/// without them. CorsProbe reads one document and fetches nothing else, so a reference to another file is refused too.
/// </summary>
internal static class LocalReferences
{
    /// <exception cref="OpenApiDocumentException">A reference points outside the document or at nothing in it.</exception>
    public static void Check(JsonNode root, string name) => Visit(root, root, "", name);

    private static void Visit(JsonNode root, JsonNode? node, string pointer, string name)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue reference && reference.TryGetValue(out string? target))
                    {
                        CheckTarget(root, target, pointer, name);
                    }
                    else
                    {
                        Visit(root, value, pointer + "/" + Escape(key), name);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(root, array[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), name);
                }

                break;
        }
    }

    private static void CheckTarget(JsonNode root, string target, string pointer, string name)
    {
        if (!target.StartsWith('#'))
        {
            throw new OpenApiDocumentException(
                $"{name} refers to another document at {pointer}: $ref '{target}'. CorsProbe reads one document and fetches nothing else; bundle it into one first (for example 'redocly bundle').");
        }

        if (Resolve(root, target[1..]) is null)
        {
            throw new OpenApiDocumentException(
                $"{name} has a broken reference at {pointer}: $ref '{target}' points at nothing in the document; define it, or correct the reference.");
        }
    }

    private static JsonNode? Resolve(JsonNode root, string fragment)
    {
        var node = root;
        foreach (var segment in Uri.UnescapeDataString(fragment).Split('/').Skip(1))
        {
            var key = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(key, out var child) ? child : null,
                JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>A key as a JSON pointer segment (RFC 6901).</summary>
    public static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}

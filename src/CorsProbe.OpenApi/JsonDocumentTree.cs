using System.Text.Json;
using System.Text.Json.Nodes;

namespace CorsProbing.OpenApi;

/// <summary>Reads a JSON document in one pass, noting the line of each operation under <c>paths</c>.</summary>
internal static class JsonDocumentTree
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <exception cref="OpenApiDocumentException">The text is not JSON.</exception>
    public static DocumentTree Read(ReadOnlySpan<byte> text, string name)
    {
        var reader = new Utf8JsonReader(text, Options);
        var lines = new Dictionary<(string, string), int>();
        var counter = new LineCounter();
        try
        {
            reader.Read();
            var root = new JsonObject();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                reader.Read();
                root[key] = key == "paths" && reader.TokenType == JsonTokenType.StartObject
                    ? ReadPaths(ref reader, text, counter, lines)
                    : JsonNode.Parse(ref reader);
            }

            return new(root, lines);
        }
        catch (JsonException exception)
        {
            throw new OpenApiDocumentException($"{name} is not valid JSON: {exception.Message}", exception);
        }
    }

    private static JsonObject ReadPaths(ref Utf8JsonReader reader, ReadOnlySpan<byte> text, LineCounter counter, Dictionary<(string, string), int> lines)
    {
        var paths = new JsonObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var path = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                paths[path] = JsonNode.Parse(ref reader);
                continue;
            }

            var item = new JsonObject();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                lines[(path, key.ToLowerInvariant())] = counter.LineAt(text, reader.TokenStartIndex);
                reader.Read();
                item[key] = JsonNode.Parse(ref reader);
            }

            paths[path] = item;
        }

        return paths;
    }

    /// <summary>Counts line feeds forward from where it last counted: positions are asked for in order.</summary>
    private sealed class LineCounter
    {
        private long _position;
        private int _line = 1;

        public int LineAt(ReadOnlySpan<byte> text, long position)
        {
            _line += text[(int)_position..(int)position].Count((byte)'\n');
            _position = position;
            return _line;
        }
    }
}

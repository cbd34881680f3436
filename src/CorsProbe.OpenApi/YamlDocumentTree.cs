using Microsoft.OpenApi;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Serialization;

namespace CorsProbing.OpenApi;

/// <summary>
/// Reads a YAML document with the parser the OpenAPI YAML reader uses, notes the line of each operation from its
/// nodes, and converts it with that reader's own converter, so scalars are typed exactly as it types them.
/// </summary>
internal static class YamlDocumentTree
{
    /// <exception cref="OpenApiDocumentException">The text is not YAML, or its top level is not a mapping.</exception>
    public static DocumentTree Read(ReadOnlySpan<byte> text, string name)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(Encoding.UTF8.GetString(text)));
        }
        catch (YamlException exception)
        {
            throw new OpenApiDocumentException($"{name} is not valid YAML (line {exception.Start.Line + LineBase}): {exception.Message}", exception);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new OpenApiDocumentException($"{name} is not an OpenAPI document: its top level is not a mapping of fields such as 'openapi' and 'paths'.");
        }

        var lines = new Dictionary<(string, string), int>();
        if (Child(root, "paths") is YamlMappingNode paths)
        {
            foreach (var (pathKey, item) in paths.Children)
            {
                if (pathKey is YamlScalarNode { Value: { } path } && item is YamlMappingNode operations)
                {
                    foreach (var (key, _) in operations.Children)
                    {
                        if (key is YamlScalarNode { Value: { } method })
                        {
                            lines[(path, method.ToLowerInvariant())] = key.Start.Line + LineBase;
                        }
                    }
                }
            }
        }

        try
        {
            return new(yaml.Documents[0].ToJsonNode(), lines);
        }
        catch (Exception exception) when (exception is OpenApiException or NotSupportedException or InvalidCastException)
        {
            throw new OpenApiDocumentException($"{name} cannot be read as an OpenAPI document: {exception.Message}", exception);
        }
    }

    // SharpYaml counts lines from 0; reports and SARIF count from 1.
    private const int LineBase = 1;

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var value } && value == key).Value;
}

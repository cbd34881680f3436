using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CorsProbing.OpenApi;

/// <summary>
/// The value a parameter is probed with and where it came from: the caller's, else the document's <c>example</c>,
/// <c>examples</c>, schema <c>example</c>, <c>default</c> or first <c>enum</c> value, else (where a value is needed) a
/// placeholder that fits the schema's type.
/// </summary>
internal sealed record ParameterValue(string Value, string Source)
{
    /// <summary>The value of <paramref name="parameter"/> the caller or the document gives, or null.</summary>
    public static ParameterValue? Given(IOpenApiParameter parameter, IReadOnlyDictionary<string, string> callerValues)
    {
        if (parameter.Name is { } name && callerValues.TryGetValue(name, out var given))
        {
            return new(given, "the caller's value");
        }

        return Scalar(parameter.Example) is { } example ? new(example, "its example")
            : parameter.Examples?.Values.Select(e => Scalar(e.Value)).FirstOrDefault(v => v is not null) is { } named ? new(named, "its first example")
            : parameter.Schema?.Examples?.Select(Scalar).FirstOrDefault(v => v is not null) is { } schemaExample ? new(schemaExample, "its schema's first example")
            : Scalar(parameter.Schema?.Default) is { } fallback ? new(fallback, "its schema's default")
            : parameter.Schema?.Enum?.Select(Scalar).FirstOrDefault(v => v is not null) is { } first ? new(first, "the first value of its schema's enum")
            : null;
    }

    /// <summary>The value of <paramref name="parameter"/>, or a placeholder that fits its schema.</summary>
    public static ParameterValue Of(IOpenApiParameter parameter, IReadOnlyDictionary<string, string> callerValues, OpenApiSettingNames names) =>
        Given(parameter, callerValues) ?? new(Placeholder(parameter.Schema), $"a placeholder: the document gives no example or default; {names.ParameterFor(parameter.Name ?? "")}");

    private static string Placeholder(IOpenApiSchema? schema) => schema switch
    {
        { Format: "uuid" } => "00000000-0000-0000-0000-000000000000",
        { Format: "date" } => "2026-01-01",
        { Format: "date-time" } => "2026-01-01T00:00:00Z",
        { Type: { } type } when (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 => "1",
        { Type: { } type } when (type & JsonSchemaType.Boolean) != 0 => "true",
        _ => "example",
    };

    private static string? Scalar(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => null,
    };
}

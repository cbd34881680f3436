using System.Text.Json;

namespace CorsProbing.OpenApi;

/// <summary>
/// <see cref="OpenApiCorsReport.ToJson"/>: the shape of <c>docs/openapi-report.schema.json</c>, written with one
/// <see cref="Utf8JsonWriter"/>, each operation's report in it as <see cref="CorsReport.ToJson"/> writes it.
/// </summary>
internal static class OpenApiReportJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static string Write(OpenApiCorsReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", OpenApiCorsReport.JsonSchemaVersion);
            json.WriteString("document", report.Document);
            json.WriteString("specificationVersion", report.SpecificationVersion);
            WriteOptional(json, "title", report.Title);
            json.WriteString("origin", report.Origin);
            json.WriteString("profile", report.Profile.Name);
            json.WriteString("verdict", report.Verdict.ToString());
            json.WriteStartObject("summary");
            json.WriteNumber("operations", report.Summary.Operations);
            json.WriteNumber("allowed", report.Summary.Allowed);
            json.WriteNumber("denied", report.Summary.Denied);
            json.WriteNumber("unreachable", report.Summary.Unreachable);
            json.WriteNumber("inconclusive", report.Summary.Inconclusive);
            json.WriteEndObject();
            json.WriteStartArray("operations");
            foreach (var operation in report.Operations)
            {
                WriteOperation(json, operation);
            }

            json.WriteEndArray();
            json.WriteStartArray("skipped");
            foreach (var skipped in report.Skipped)
            {
                json.WriteStringValue(skipped);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteOperation(Utf8JsonWriter json, OpenApiOperationReport operation)
    {
        json.WriteStartObject();
        json.WriteString("name", operation.Name);
        WriteOptional(json, "operationId", operation.OperationId);
        json.WriteString("method", operation.Method);
        json.WriteString("path", operation.Path);
        WriteOptional(json, "alternative", operation.Alternative);
        json.WriteString("verdict", operation.Verdict.ToString());
        json.WriteStartObject("location");
        json.WriteString("document", operation.Location.Document);
        json.WriteString("jsonPointer", operation.Location.JsonPointer);
        if (operation.Location.Line is { } line)
        {
            json.WriteNumber("line", line);
        }

        json.WriteEndObject();
        json.WriteStartArray("requirements");
        foreach (var requirement in operation.Requirements)
        {
            json.WriteStartObject();
            json.WriteString("kind", requirement.Kind.ToString());
            json.WriteString("name", requirement.Name);
            WriteOptional(json, "value", requirement.Value);
            json.WriteString("reason", requirement.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("report");
        Serialization.ReportJson.Write(json, operation.Report);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}

using System.Text.Json.Serialization;

namespace CorsProbing.Serialization;

/// <summary>Source-generated (reflection-free, trim- and AOT-safe) serialization of the report's JSON shape.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class CorsProbeJsonContext : JsonSerializerContext;

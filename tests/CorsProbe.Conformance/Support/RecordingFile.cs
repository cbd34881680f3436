using System.Text.Json.Serialization;
using System.Text.Json;
using CorsProbing.Testing;

namespace CorsProbing.Conformance.Support;

/// <summary>A browser run checked in under <c>Recorded/</c>: read next to the test assembly, written into the source tree.</summary>
public static class RecordingFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Reads <c>Recorded/<paramref name="fileName"/></c>, copied next to the test assembly.</summary>
    public static T Load<T>(string fileName) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recorded", fileName)), Options)
        ?? throw new InvalidDataException($"The recording {fileName} is empty.");

    /// <summary>Writes <paramref name="recording"/> to <paramref name="relativePath"/> under the repository root.</summary>
    public static void Save<T>(T recording, string relativePath) =>
        File.WriteAllText(Path.Combine(Repository.Root, relativePath), JsonSerializer.Serialize(recording, Options) + "\n");
}

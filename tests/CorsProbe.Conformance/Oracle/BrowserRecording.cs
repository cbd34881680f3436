using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance.Oracle;

/// <summary>One engine's results for the whole matrix, checked in so every <c>dotnet test</c> can compare against them.</summary>
/// <param name="Browser">The browser's version line.</param>
/// <param name="Recorded">When the run happened (UTC, ISO 8601).</param>
/// <param name="Cases">One result per case, in id order.</param>
public sealed record BrowserRecording(string Browser, string Recorded, IReadOnlyList<BrowserResult> Cases)
{
    /// <summary>The recording's file name under <c>Recorded/</c>: <c>chromium.json</c>, <c>firefox.json</c>, <c>webkit.json</c>.</summary>
    public static string FileName(Engine engine) => engine.ToString().ToLowerInvariant() + ".json";

    /// <summary>Reads <paramref name="engine"/>'s recording, copied next to the test assembly.</summary>
    public static BrowserRecording Load(Engine engine) => RecordingFile.Load<BrowserRecording>(FileName(engine));

    /// <summary>Writes the recording of <paramref name="engine"/> into the source tree.</summary>
    public void Save(Engine engine) => RecordingFile.Save(this, "tests/CorsProbe.Conformance/Recorded/" + FileName(engine));
}

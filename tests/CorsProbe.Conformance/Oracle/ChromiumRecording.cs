using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance.Oracle;

/// <summary>Chromium's results for the whole matrix, checked in so every <c>dotnet test</c> can compare against them.</summary>
/// <param name="Browser">The browser's version line.</param>
/// <param name="Recorded">When the run happened (UTC, ISO 8601).</param>
/// <param name="Cases">One result per case, in id order.</param>
public sealed record ChromiumRecording(string Browser, string Recorded, IReadOnlyList<BrowserResult> Cases)
{
    /// <summary>The recording's path relative to the repository root.</summary>
    public const string RelativePath = "tests/CorsProbe.Conformance/Recorded/chromium.json";

    /// <summary>Reads the recording copied next to the test assembly.</summary>
    public static ChromiumRecording Load() => RecordingFile.Load<ChromiumRecording>("chromium.json");

    /// <summary>Writes the recording into the source tree.</summary>
    public void Save() => RecordingFile.Save(this, RelativePath);
}

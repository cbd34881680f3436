using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance.Malformed;

/// <summary>Chromium's outcomes for the malformed-response catalogue, checked in so every <c>dotnet test</c> can compare against them.</summary>
/// <param name="Browser">The browser's version line.</param>
/// <param name="Recorded">When the run happened (UTC, ISO 8601 date).</param>
/// <param name="Cases">One observation per case and shape, in id order.</param>
public sealed record MalformedRecording(string Browser, string Recorded, IReadOnlyList<MalformedObservation> Cases)
{
    /// <summary>The recording's path relative to the repository root.</summary>
    public const string RelativePath = "tests/CorsProbe.Conformance/Recorded/chromium-malformed.json";

    /// <summary>Reads the recording copied next to the test assembly.</summary>
    public static MalformedRecording Load() => RecordingFile.Load<MalformedRecording>("chromium-malformed.json");

    /// <summary>Writes the recording into the source tree.</summary>
    public void Save() => RecordingFile.Save(this, RelativePath);
}

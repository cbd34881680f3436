using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance.Malformed;

/// <summary>One engine's outcomes for the malformed-response catalogue, checked in so every <c>dotnet test</c> can compare against them.</summary>
/// <param name="Browser">The browser's version line.</param>
/// <param name="Recorded">When the run happened (UTC, ISO 8601 date).</param>
/// <param name="Cases">One observation per case and shape, in id order.</param>
public sealed record MalformedRecording(string Browser, string Recorded, IReadOnlyList<MalformedObservation> Cases)
{
    /// <summary>The recording's file name under <c>Recorded/</c>: <c>chromium-malformed.json</c>, <c>firefox-malformed.json</c>, <c>webkit-malformed.json</c>.</summary>
    public static string FileName(Oracle.Engine engine) => engine.ToString().ToLowerInvariant() + "-malformed.json";

    /// <summary>Reads <paramref name="engine"/>'s recording, copied next to the test assembly.</summary>
    public static MalformedRecording Load(Oracle.Engine engine) => RecordingFile.Load<MalformedRecording>(FileName(engine));

    /// <summary>Writes the recording of <paramref name="engine"/> into the source tree.</summary>
    public void Save(Oracle.Engine engine) => RecordingFile.Save(this, "tests/CorsProbe.Conformance/Recorded/" + FileName(engine));
}

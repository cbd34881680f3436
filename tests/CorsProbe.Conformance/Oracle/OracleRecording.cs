namespace CorsProbing.Conformance.Oracle;

/// <summary>One engine's outcomes for a whole catalogue, checked in so every <c>dotnet test</c> can compare against them.</summary>
/// <param name="Browser">The browser's version line.</param>
/// <param name="Recorded">When the run happened (UTC, ISO 8601 date).</param>
/// <param name="Cases">One observation per case, in the catalogue's order.</param>
public sealed record OracleRecording<TObservation>(string Browser, string Recorded, IReadOnlyList<TObservation> Cases);

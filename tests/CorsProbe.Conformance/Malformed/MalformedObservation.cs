using System.Text.Json.Serialization;
using CorsProbing.Conformance.Oracle;

namespace CorsProbing.Conformance.Malformed;

/// <summary>What Chromium did with one malformed case in one shape.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Shape">Which response carried the bytes.</param>
/// <param name="Fingerprint">A hash of the case's bytes when it ran, so a recording can tell when the catalogue changed under it.</param>
/// <param name="Outcome">How <c>fetch()</c> settled: <c>resolved</c>, <c>resolved, body failed</c>, <c>rejected</c>, <c>timed out</c> or <c>missing</c>.</param>
/// <param name="ActualSeen">The request after the preflight (or the simple GET) reached the server.</param>
public sealed record MalformedObservation(int Id, MalformedShape Shape, string Fingerprint, string Outcome, bool ActualSeen) : IBrowserObservation
{
    /// <summary>The script got the response: the browser let the call through.</summary>
    [JsonIgnore]
    public bool Allowed => Outcome.StartsWith("resolved", StringComparison.Ordinal);

    /// <inheritdoc />
    [JsonIgnore]
    public object Identity => (Id, Shape, Fingerprint);

    /// <inheritdoc />
    [JsonIgnore]
    public object Decision => (Id, Shape, Fingerprint, Allowed);
}

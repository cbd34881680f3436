using System.Text.Json.Serialization;

namespace CorsProbing.Conformance.Oracle;

/// <summary>What Chromium did with one case.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Fingerprint">The case's fingerprint when it ran.</param>
/// <param name="Allowed">The actual request reached the server and the page could read the response.</param>
/// <param name="Outcome">How <c>fetch()</c> settled: <c>resolved</c>, <c>rejected</c>, or <c>missing</c> (no report).</param>
/// <param name="PreflightSent">Chromium sent a preflight.</param>
/// <param name="RequestMethod">Its <c>Access-Control-Request-Method</c>.</param>
/// <param name="RequestHeaders">Its <c>Access-Control-Request-Headers</c>.</param>
/// <param name="DroppedHeaders">
/// The names of headers the page set that the actual request did not carry with the value set (lower case, sorted,
/// comma-separated), or null when it carried them all or did not arrive: the headers the engine forbids scripts to set.
/// </param>
/// <param name="PreflightCount">For a case fetched twice (<see cref="Cases.ConformanceCase.Repeat"/>): how many preflights arrived, 1 when the second fetch used the cached one.</param>
public sealed record BrowserResult(
    int Id, string Fingerprint, bool Allowed, string Outcome, bool PreflightSent, string? RequestMethod, string? RequestHeaders, string? DroppedHeaders = null, int? PreflightCount = null)
    : IBrowserObservation
{
    /// <inheritdoc />
    [JsonIgnore]
    public object Identity => (Id, Fingerprint);

    /// <inheritdoc />
    [JsonIgnore]
    public object Decision => (Id, Allowed, PreflightSent, RequestMethod, RequestHeaders, DroppedHeaders, PreflightCount);
}

namespace CorsProbing.Conformance.Oracle;

/// <summary>What Chromium did with one case.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Fingerprint">The case's fingerprint when it ran.</param>
/// <param name="Allowed">The actual request reached the server and the page could read the response.</param>
/// <param name="Outcome">How <c>fetch()</c> settled: <c>resolved</c>, <c>rejected</c>, or <c>missing</c> (no report).</param>
/// <param name="PreflightSent">Chromium sent a preflight.</param>
/// <param name="RequestMethod">Its <c>Access-Control-Request-Method</c>.</param>
/// <param name="RequestHeaders">Its <c>Access-Control-Request-Headers</c>.</param>
public sealed record BrowserResult(
    int Id, string Fingerprint, bool Allowed, string Outcome, bool PreflightSent, string? RequestMethod, string? RequestHeaders);

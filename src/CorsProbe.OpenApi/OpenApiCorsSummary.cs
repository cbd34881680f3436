namespace CorsProbing.OpenApi;

/// <summary>
/// How many of a document's operations each verdict has. An operation probed in several ways (one per security
/// alternative or body type) counts once, with its worst verdict: unreachable, then denied, then inconclusive, then allowed.
/// </summary>
/// <param name="Operations">The operations probed.</param>
/// <param name="Allowed">Operations every way of calling which is allowed.</param>
/// <param name="Denied">Operations a way of calling which is denied, none unreachable.</param>
/// <param name="Unreachable">Operations a way of calling which could not be probed (unreachable, timed out, refused by the network policy).</param>
/// <param name="Inconclusive">Operations a way of calling which nothing browsers would see decides (<see cref="CorsVerdict.Inconclusive"/>), none denied or unreachable.</param>
public sealed record OpenApiCorsSummary(int Operations, int Allowed, int Denied, int Unreachable, int Inconclusive = 0)
{
    /// <summary>The counts in a line: <c>5 operations: 3 allowed, 1 denied, 1 unreachable</c> (and how many are inconclusive, when any is).</summary>
    /// <returns>The counts.</returns>
    public override string ToString() =>
        $"{Operations} operation{(Operations == 1 ? "" : "s")}: {Allowed} allowed, {Denied} denied, {Unreachable} unreachable{(Inconclusive > 0 ? $", {Inconclusive} inconclusive" : "")}";
}

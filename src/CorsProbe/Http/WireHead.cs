namespace CorsProbing.Http;

/// <summary>
/// A response head as browsers read it from the raw bytes: the final status and the header lines they keep, or the
/// defect that makes them fail the request. Built by <see cref="WireHeadParser"/>.
/// </summary>
/// <param name="Status">The final (non-1xx) status; 0 when <paramref name="Defect"/> is set.</param>
/// <param name="ReasonPhrase">The text after the status code, or null.</param>
/// <param name="Lines">The header lines browsers keep, values trimmed of spaces and tabs, in order.</param>
/// <param name="Defect">Why browsers fail the request (naming the byte or line and where), or null when they accept it.</param>
/// <param name="Leniencies">What browsers tolerated that a strict HTTP parser rejects, each naming the line.</param>
internal sealed record WireHead(int Status, string? ReasonPhrase, KeyValuePair<string, string>[] Lines, string? Defect, IReadOnlyList<string> Leniencies)
{
    /// <summary>A head browsers refuse.</summary>
    public static WireHead Refused(string defect) => new(0, null, [], defect, []);
}

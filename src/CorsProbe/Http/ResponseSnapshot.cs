namespace CorsProbing.Http;

/// <summary>
/// One response as the exchange stage received it: the status, the reason phrase and the raw header lines (repeated
/// lines and odd casing kept, in order). Evaluation reads this, never the <see cref="HttpResponseMessage"/>, so the
/// decision and the report's explanation see the same bytes.
/// </summary>
/// <param name="Status">The status code.</param>
/// <param name="ReasonPhrase">The reason phrase, if any.</param>
/// <param name="Lines">Every header line, response and content headers alike.</param>
/// <param name="FinalUrl">The URL the response belongs to, when the handler reported one (a handler that follows redirects changes it).</param>
internal sealed record ResponseSnapshot(int Status, string? ReasonPhrase, KeyValuePair<string, string>[] Lines, Uri? FinalUrl)
{
    /// <summary>The status and lines were read from the raw bytes by browsers' rules (<see cref="Http.WireHeadParser"/>), not taken from .NET's parser.</summary>
    public bool RawBytesRead { get; init; }

    /// <summary>What browsers tolerated in the raw bytes that a strict HTTP parser rejects (empty when nothing, or not <see cref="RawBytesRead"/>).</summary>
    public IReadOnlyList<string> Leniencies { get; init; } = [];
}

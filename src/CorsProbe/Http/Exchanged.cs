namespace CorsProbing.Http;

/// <summary>What one request brought back: each engine group's reading of the answer (never empty), and how long it took.</summary>
/// <param name="Readings">One reading when the engines read the answer alike, else one per group that reads it alike; a failure is one reading for every engine.</param>
/// <param name="Elapsed">From sending to the head's arrival (or the failure).</param>
internal sealed record Exchanged(IReadOnlyList<HeadReading> Readings, TimeSpan Elapsed)
{
    /// <summary>The first group's response, or null when it got none.</summary>
    public ResponseSnapshot? Response => Readings[0].Response;

    /// <summary>Why the first group got no response, or null.</summary>
    public ExchangeFailure? Failure => Readings[0].Failure;

    /// <summary>
    /// Each engine group's reading, with <paramref name="request"/> narrowed to the group's engines: the one place the
    /// work after an answer forks per engine group, each group judged by its own reading of the same bytes.
    /// </summary>
    public IEnumerable<(CorsRequest Request, HeadReading Reading)> Groups(CorsRequest request)
    {
        foreach (var reading in Readings)
        {
            yield return (request with { Engines = reading.Engines }, reading);
        }
    }
}

namespace CorsProbing.Http;

/// <summary>
/// A transport that sends nothing: every request fails at once as a connection that could not be made, saying
/// <paramref name="why"/> (a host of a batch that an earlier probe could not connect to).
/// </summary>
internal sealed class NotSentTransport(string why) : ExchangeTransport
{
    /// <inheritdoc />
    public override Task<IReadOnlyList<HeadReading>> SendAsync(ProbeRequest request, EngineSet engines, CancellationToken cancellationToken) =>
        Task.FromException<IReadOnlyList<HeadReading>>(new HttpRequestException(HttpRequestError.ConnectionError, why));
}

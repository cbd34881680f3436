namespace CorsProbing.Http;

/// <summary>
/// What carries a probe's requests: CorsProbe's own HTTP/1.1 transport (<see cref="WireTransport"/>), which reads each
/// response's bytes as each engine does, or a caller's <see cref="HttpClient"/> (<see cref="ClientTransport"/>), whose
/// returned response is judged as it is.
/// </summary>
internal abstract class ExchangeTransport
{
    /// <summary>
    /// Sends <paramref name="request"/> and returns how <paramref name="engines"/> read the answer: one reading when
    /// they read it alike, else one per group of engines that read it alike (never empty).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="HttpRequestException">No response arrived (name, connection, TLS, or the server closed the connection).</exception>
    public abstract Task<IReadOnlyList<HeadReading>> SendAsync(ProbeRequest request, EngineSet engines, CancellationToken cancellationToken);
}

namespace CorsProbing.Http;

/// <summary>
/// A caller's <see cref="HttpClient"/> (MockHttp, TestServer, a pipeline with retries or hedging): the report judges
/// exactly the response the client returned, as .NET parsed it, for every engine alike
/// (<see cref="ResponseSnapshot.RawBytesRead"/> is false).
/// </summary>
internal sealed class ClientTransport(HttpClient client) : ExchangeTransport
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<HeadReading>> SendAsync(ProbeRequest request, EngineSet engines, CancellationToken cancellationToken)
    {
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return [new HeadReading(engines, ResponseReader.Snapshot(response), null)];
    }
}

namespace CorsProbing.Extensions.Http;

/// <summary>
/// Registered by <c>AddCorsProbeHttpClient</c>: the prober sends through the <c>IHttpClientFactory</c> client named
/// <see cref="ICorsProber.HttpClientName"/> instead of CorsProbe's own transport.
/// </summary>
internal sealed class HttpClientRoute(IHttpClientFactory clients)
{
    /// <summary>A client from the factory (cheap: handlers are pooled).</summary>
    public HttpClient CreateClient() => clients.CreateClient(ICorsProber.HttpClientName);
}

using System.Net.Http.Headers;

namespace CorsProbing.OpenApi;

/// <summary>
/// A document served at a URL, fetched through the probes' own transport: the caller's handler or client when the
/// template has one, else CorsProbe's guarded handler under the template's network policy, so a document URL is held
/// to the same SSRF rules as the URLs it describes.
/// </summary>
internal sealed record UrlDocumentSource(Uri Url) : DocumentSource
{
    /// <inheritdoc />
    public override string Name => Url.OriginalString;

    /// <inheritdoc />
    public override async Task<LoadedDocument> LoadAsync(CorsRequirements transport, long maxBytes, OpenApiSettingNames names, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(transport.Timeout ?? transport.Profile.Timeout);
        var (client, owned) = Client(transport);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/yaml", 0.9));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.8));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new OpenApiDocumentException($"GET {Name} answered {(int)response.StatusCode} {response.ReasonPhrase}: no OpenAPI document to read.");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new OpenApiDocumentException(TooLarge(maxBytes, names));
            }

            var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                return new(await BoundedRead.ReadAsync(body, maxBytes, () => TooLarge(maxBytes, names), timeout.Token).ConfigureAwait(false), response.RequestMessage?.RequestUri ?? Url, Name);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OpenApiDocumentException($"GET {Name} did not answer within {(transport.Timeout ?? transport.Profile.Timeout).TotalSeconds:0.#} s; {transport.SettingNames.Timeout}.");
        }
        catch (HttpRequestException exception)
        {
            throw new OpenApiDocumentException($"GET {Name} failed: {Why(exception, transport.SettingNames)}", exception);
        }
        finally
        {
            if (owned)
            {
                client.Dispose();
            }
        }
    }

    // The guard's refusal is the reason a reader needs ("127.0.0.1 is loopback ..."), not the socket error around it.
    private static string Why(HttpRequestException exception, CorsSettingNames names)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is Safety.BlockedAddressException blocked)
            {
                return blocked.Class switch
                {
                    Safety.AddressClass.Loopback => $"{blocked.Message}; to read a document on this machine, {names.AllowLoopback}.",
                    Safety.AddressClass.Private => $"{blocked.Message}; to read a document on a private network, {names.AllowPrivateNetworks}.",
                    _ => blocked.Message + ".",
                };
            }
        }

        return exception.Message;
    }

    private static (HttpClient Client, bool Owned) Client(CorsRequirements transport) => transport switch
    {
        { Client: { } client } => (client, false),
        { Handler: { } handler } => (new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }, true),
        _ => (new HttpClient(CorsProbeHandler.Create(transport.NetworkPolicy, transport.TrustedCertificates, resolver: null)) { Timeout = Timeout.InfiniteTimeSpan }, true),
    };
}

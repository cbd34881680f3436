namespace CorsProbing.Http;

/// <summary>Copies what evaluation and the report need of a response (status, reason, raw header lines) into a snapshot.</summary>
internal static class ResponseReader
{
    /// <summary>The snapshot of <paramref name="response"/>: response headers, then content headers, each line as received.</summary>
    public static ResponseSnapshot Snapshot(HttpResponseMessage response) => new(
        (int)response.StatusCode,
        response.ReasonPhrase,
        [.. response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated).SelectMany(header => header.Value.Select(value => KeyValuePair.Create(header.Key, value)))],
        response.RequestMessage?.RequestUri);
}

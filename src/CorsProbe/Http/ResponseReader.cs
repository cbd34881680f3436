namespace CorsProbing.Http;

/// <summary>Copies what evaluation and the report need of a response (status, reason, raw header lines) into a snapshot.</summary>
internal static class ResponseReader
{
    /// <summary>The snapshot of <paramref name="response"/>: response headers, then content headers, each line as received.</summary>
    public static ResponseSnapshot Snapshot(HttpResponseMessage response)
    {
        var count = 0;
        foreach (var header in response.Headers.NonValidated)
        {
            count += header.Value.Count;
        }

        foreach (var header in response.Content.Headers.NonValidated)
        {
            count += header.Value.Count;
        }

        var lines = count == 0 ? [] : new KeyValuePair<string, string>[count];
        var next = Copy(response.Headers.NonValidated, lines, 0);
        Copy(response.Content.Headers.NonValidated, lines, next);
        return new ResponseSnapshot((int)response.StatusCode, response.ReasonPhrase, lines, response.RequestMessage?.RequestUri);
    }

    private static int Copy(System.Net.Http.Headers.HttpHeadersNonValidated headers, KeyValuePair<string, string>[] lines, int next)
    {
        foreach (var header in headers)
        {
            foreach (var value in header.Value)
            {
                lines[next++] = new(header.Key, value);
            }
        }

        return next;
    }
}

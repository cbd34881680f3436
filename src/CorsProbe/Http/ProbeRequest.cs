namespace CorsProbing.Http;

/// <summary>
/// One request a probe sends, as the plan formed it: the method, the URL and the header lines in the order they go on
/// the wire. The default transport writes exactly these bytes (<see cref="RequestHead"/>); a caller's client gets them
/// as an <see cref="HttpRequestMessage"/>.
/// </summary>
/// <param name="Method">The method: OPTIONS, GET or HEAD; another only as the actual request the caller asked for (<c>SendActualRequests</c>).</param>
/// <param name="Url">The absolute http(s) URL.</param>
/// <param name="Headers">The header lines after <c>Host</c>; every value was validated when the builder received it, so none carries CR or LF.</param>
/// <param name="Body">The request's content, sent after the head when the head has a <c>Content-Length</c>; empty for every request but an actual one.</param>
internal sealed record ProbeRequest(string Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Body = default)
{
    /// <summary>The same request as an <see cref="HttpRequestMessage"/>, for a caller's client or handler.</summary>
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        var content = HasContent ? new ByteArrayContent(Body.ToArray()) : null;
        foreach (var header in Headers)
        {
            // Content headers belong to the content (.NET computes Content-Length itself).
            if (content is not null && header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                if (!header.Key.Equals(CorsHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
                {
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                continue;
            }

            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        message.Content = content;
        return message;
    }

    /// <summary>Whether the request carries content: its head names a <c>Content-Length</c>.</summary>
    public bool HasContent => Headers.Any(h => h.Key.Equals(CorsHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase));
}

namespace CorsProbing.Http;

/// <summary>
/// One request a probe sends, as the plan formed it: the method, the URL and the header lines in the order they go on
/// the wire. The default transport writes exactly these bytes (<see cref="RequestHead"/>); a caller's client gets them
/// as an <see cref="HttpRequestMessage"/>.
/// </summary>
/// <param name="Method">The method: OPTIONS, GET or HEAD (CorsProbe never sends another).</param>
/// <param name="Url">The absolute http(s) URL.</param>
/// <param name="Headers">The header lines after <c>Host</c>; every value was validated when the builder received it, so none carries CR or LF.</param>
internal sealed record ProbeRequest(string Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>The same request as an <see cref="HttpRequestMessage"/>, for a caller's client or handler.</summary>
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        foreach (var header in Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return message;
    }
}

namespace CorsProbing.Http;

/// <summary>
/// Forms the requests exactly as Chromium does: the preflight (Fetch "CORS-preflight fetch" steps 1-5;
/// preflight_controller.cc CreatePreflightRequest: <c>OPTIONS</c>, no credentials, no author headers), then the actual
/// GET/HEAD as a browser sends it, or the stand-in GET for a method CorsProbe never sends.
/// </summary>
internal static class RequestFactory
{
    /// <summary>The header lines a preflight for <paramref name="context"/> carries, in the order they are sent.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> PreflightHeaders(in CorsRequest context)
    {
        var hasUnsafeHeaders = context.UnsafeHeaderNames.Length > 0;
        var headers = new KeyValuePair<string, string>[hasUnsafeHeaders ? 5 : 4];
        var i = 0;
        headers[i++] = new(CorsHeaderNames.Accept, "*/*");
        headers[i++] = new(CorsHeaderNames.RequestMethod, context.Method);

        // Names lower-cased, sorted, joined by "," with no space; omitted when empty.
        if (hasUnsafeHeaders)
        {
            headers[i++] = new(CorsHeaderNames.RequestHeaders, string.Join(',', context.UnsafeHeaderNames));
        }

        headers[i++] = new(CorsHeaderNames.Origin, context.Origin);
        headers[i] = new(CorsHeaderNames.UserAgent, ProductInfo.UserAgent);
        return Array.AsReadOnly(headers);
    }

    /// <summary>
    /// The header lines of the request after the preflight: <c>Accept</c>, <c>Origin</c>, <c>User-Agent</c>, then for the
    /// actual request the page's own headers whose values are known (a stand-in GET carries none of them, they belong to
    /// another method), and for an actual request of a method that carries content its <c>Content-Length</c>, as
    /// browsers send it (0 without a body); never cookies or credentials.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FollowUpHeaders(in CorsRequest context, IReadOnlyList<AuthorHeader> headers, int bodyLength = 0)
    {
        var lines = new List<KeyValuePair<string, string>>(3 + headers.Count)
        {
            new(CorsHeaderNames.Accept, "*/*"),
            new(CorsHeaderNames.Origin, context.Origin),
            new(CorsHeaderNames.UserAgent, ProductInfo.UserAgent),
        };
        var content = CarriesContent(context);
        foreach (var header in context.FollowUp == ExchangeKind.ActualRequest ? headers : [])
        {
            // A GET carries no content, so Content-Type has nowhere to go; the others are plain request headers.
            if (header.Value is not null && (content || !header.Name.Equals(CorsHeaderNames.ContentType, StringComparison.OrdinalIgnoreCase)))
            {
                lines.Add(new(header.Name, header.Value));
            }
        }

        if (content && (bodyLength > 0 || context.Method is "POST" or "PUT" or "PATCH"))
        {
            lines.Add(new(CorsHeaderNames.ContentLength, bodyLength.ToString(CultureInfo.InvariantCulture)));
        }

        return lines.AsReadOnly();
    }

    /// <summary>The preflight for <paramref name="context"/> with its header lines.</summary>
    public static ProbeRequest Preflight(in CorsRequest context, IReadOnlyList<KeyValuePair<string, string>> headers) =>
        new("OPTIONS", context.RequestUri, headers);

    /// <summary>The method of the request after the preflight: the method itself for an actual request, else GET (a stand-in).</summary>
    public static string FollowUpMethod(in CorsRequest context) =>
        context.FollowUp == ExchangeKind.ActualRequest ? context.Method : "GET";

    /// <summary>Whether the request after the preflight is an actual request of a method that carries content (not GET or HEAD).</summary>
    public static bool CarriesContent(in CorsRequest context) =>
        context.FollowUp == ExchangeKind.ActualRequest && context.Method is not ("GET" or "HEAD");

    /// <summary>The request after the preflight for <paramref name="context"/> with its header lines, and its body when it carries one.</summary>
    public static ProbeRequest FollowUp(in CorsRequest context, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body = default) =>
        new(FollowUpMethod(context), context.RequestUri, headers, CarriesContent(context) ? body : default);
}

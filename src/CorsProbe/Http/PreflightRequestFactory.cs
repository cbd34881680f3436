using CorsProbing.Evaluation;

namespace CorsProbing.Http;

/// <summary>
/// Forms a preflight exactly as Chromium does (Fetch "CORS-preflight fetch" steps 1-5; preflight_controller.cc
/// CreatePreflightRequest): <c>OPTIONS</c>, no credentials, no author headers.
/// </summary>
internal static class PreflightRequestFactory
{
    /// <summary>The header lines a preflight for <paramref name="context"/> carries, in the order they are sent.</summary>
    public static KeyValuePair<string, string>[] HeadersFor(in PreflightContext context)
    {
        var headers = new List<KeyValuePair<string, string>>(5)
        {
            new(CorsHeaderNames.Accept, "*/*"),
            new(CorsHeaderNames.RequestMethod, context.Method),
        };

        // Names lower-cased, sorted, joined by "," with no space; omitted when empty.
        if (context.UnsafeHeaderNames.Length > 0)
        {
            headers.Add(new(CorsHeaderNames.RequestHeaders, string.Join(',', context.UnsafeHeaderNames)));
        }

        headers.Add(new(CorsHeaderNames.Origin, context.Origin));
        headers.Add(new(CorsHeaderNames.UserAgent, ProductInfo.UserAgent));
        return [.. headers];
    }

    /// <summary>Builds the preflight. Every value was validated when the builder received it, so none can carry CR/LF.</summary>
    public static HttpRequestMessage Create(in PreflightContext context, IReadOnlyList<KeyValuePair<string, string>> headers) =>
        Create(HttpMethod.Options, context.RequestUri, headers);

    /// <summary>Builds a request with exactly <paramref name="headers"/>, unvalidated (they were validated on the way in).</summary>
    public static HttpRequestMessage Create(HttpMethod method, Uri url, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var request = new HttpRequestMessage(method, url);
        foreach (var header in headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return request;
    }
}

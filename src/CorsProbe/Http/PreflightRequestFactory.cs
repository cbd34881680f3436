using CorsProbing.Evaluation;
using CorsProbing.Requirements;

namespace CorsProbing.Http;

/// <summary>
/// Forms a preflight exactly as Chromium does (Fetch "CORS-preflight fetch" steps 1-5; preflight_controller.cc
/// CreatePreflightRequest): <c>OPTIONS</c>, no credentials, no author headers.
/// </summary>
internal static class PreflightRequestFactory
{
    /// <summary>The header lines of the preflight for each of the effective methods of <paramref name="requirements"/>, read-only.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>[] HeadersForEachMethod(CorsRequirements requirements)
    {
        var origin = requirements.EffectiveOrigin ?? throw new InvalidOperationException("No origin to probe from.");
        var methods = requirements.EffectiveMethods;
        var headers = new IReadOnlyList<KeyValuePair<string, string>>[methods.Count];
        for (var i = 0; i < headers.Length; i++)
        {
            var context = new PreflightContext(requirements.Url, origin, methods[i], requirements.UnsafeHeaderNames, requirements.Credentials);
            headers[i] = Array.AsReadOnly(HeadersFor(context));
        }

        return headers;
    }

    /// <summary>The header lines a preflight for <paramref name="context"/> carries, in the order they are sent.</summary>
    public static KeyValuePair<string, string>[] HeadersFor(in PreflightContext context)
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
        return headers;
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

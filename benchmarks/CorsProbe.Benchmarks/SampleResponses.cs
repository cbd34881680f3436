using System.Net;

namespace CorsProbing.Benchmarks;

/// <summary>The preflight responses the benchmarks evaluate, built as SocketsHttpHandler stores them (raw lines).</summary>
public static class SampleResponses
{
    public const string Origin = "https://dashboard.galxe.com";
    public const string Url = "https://api.example.com/quests";

    /// <summary>A typical allowed answer: exact origin, 6 methods, 5 headers, credentials, max-age, Vary.</summary>
    public static HttpResponseMessage Allowed() => Create(
        HttpStatusCode.NoContent,
        ("Access-Control-Allow-Origin", Origin),
        ("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS"),
        ("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Api-Key, X-Request-Id, Accept-Language"),
        ("Access-Control-Allow-Credentials", "true"),
        ("Access-Control-Max-Age", "600"),
        ("Vary", "Origin"));

    /// <summary>A typical denied answer: another origin, methods without PUT, no credentials header.</summary>
    public static HttpResponseMessage Denied() => Create(
        HttpStatusCode.NoContent,
        ("Access-Control-Allow-Origin", "https://app.partner.example"),
        ("Access-Control-Allow-Methods", "GET, POST"),
        ("Access-Control-Allow-Headers", "Content-Type"),
        ("Vary", "Origin"));

    private static HttpResponseMessage Create(HttpStatusCode status, params (string Name, string Value)[] lines)
    {
        var response = new HttpResponseMessage(status) { RequestMessage = new HttpRequestMessage(HttpMethod.Options, Url) };
        foreach (var (name, value) in lines)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}

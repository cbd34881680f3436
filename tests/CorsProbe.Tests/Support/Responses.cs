using System.Net;
using CorsProbing.Evaluation;

namespace CorsProbing.Tests.Support;

/// <summary>Builds raw responses and evaluates them with the pure evaluator.</summary>
public static class Responses
{
    public static HttpResponseMessage With(params (string Name, string Value)[] lines) => With(HttpStatusCode.NoContent, lines);

    public static HttpResponseMessage With(HttpStatusCode status, params (string Name, string Value)[] lines)
    {
        var response = new HttpResponseMessage(status);
        foreach (var (name, value) in lines)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    internal static PreflightContext Context(
        string method = "PUT",
        string origin = Probe.Origin,
        bool credentials = false,
        params string[] unsafeHeaders) =>
        new(new Uri(Probe.Url), origin, method, unsafeHeaders, credentials);
}

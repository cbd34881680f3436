using System.Net;
using CorsProbing.Evaluation;
using CorsProbing.Http;
using CorsProbing.Requirements;

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

    /// <summary>What the exchange stage keeps of <paramref name="response"/>.</summary>
    internal static ResponseSnapshot Snapshot(HttpResponseMessage response) => CorsProbing.Http.ResponseReader.Snapshot(response);

    /// <summary>The header <paramref name="name"/> in the snapshot of <paramref name="response"/>.</summary>
    internal static HeaderValue Field(HttpResponseMessage response, string name) =>
        new([.. Snapshot(response).Lines.Where(line => string.Equals(line.Key, name, StringComparison.OrdinalIgnoreCase)).Select(line => HttpWhitespace.Trim(line.Value))]);

    /// <summary>Evaluates <paramref name="response"/> as a preflight answer.</summary>
    internal static ResponseEvaluation EvaluatePreflight(HttpResponseMessage response, CorsRequest context) =>
        CorsEvaluator.EvaluatePreflight(Snapshot(response), context);

    /// <summary>Whether the list header <paramref name="name"/> is valid.</summary>
    internal static bool IsValidList(HttpResponseMessage response, string name) => HeaderList.Parse(Field(response, name)).Invalid is null;

    internal static CorsRequest Context(
        string method = "PUT",
        string origin = Probe.Origin,
        bool credentials = false,
        params string[] unsafeHeaders) =>
        new(new Uri(Probe.Url), origin, method, unsafeHeaders, credentials);
}

using System.Net;
using CorsProbing.Evaluation;
using CorsProbing.Requirements;
using CorsProbing.Tests.Evaluation;

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

    /// <summary>The lines of the header <paramref name="name"/> in the snapshot of <paramref name="response"/>.</summary>
    internal static HeaderField Field(HttpResponseMessage response, string name)
    {
        var lines = Snapshot(response).Lines;
        var field = default(HeaderField);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.Equals(lines[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                field = new HeaderField(lines, field.IsAbsent ? i : field.First, field.Count + 1);
            }
        }

        return field;
    }

    /// <summary>Evaluates <paramref name="response"/> as a preflight answer.</summary>
    internal static ResponseEvaluation EvaluatePreflight(HttpResponseMessage response, PreflightContext context) =>
        CorsEvaluator.EvaluatePreflight(Snapshot(response), context);

    /// <summary>Whether the list header <paramref name="name"/> is valid.</summary>
    internal static bool IsValidList(HttpResponseMessage response, string name)
    {
        var ignore = new ReferenceListParser.Collector();
        return HeaderList.Scan(Field(response, name), ref ignore, out _);
    }

    internal static PreflightContext Context(
        string method = "PUT",
        string origin = Probe.Origin,
        bool credentials = false,
        params string[] unsafeHeaders) =>
        new(new Uri(Probe.Url), origin, method, unsafeHeaders, credentials);
}

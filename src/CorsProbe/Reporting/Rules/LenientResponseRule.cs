namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS110: browsers accepted a response whose raw bytes a strict HTTP parser refuses or reads differently; the
/// verdict follows browsers, and the finding names each line so the API team can fix what other clients trip on.
/// </summary>
internal static class LenientResponseRule
{
    public const string Title = "Response only lenient parsers accept";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        foreach (var response in CheckedResponse.Of(evidence))
        {
            var leniencies = response.Evaluation.Response.Leniencies;
            if (leniencies.Count == 0)
            {
                continue;
            }

            findings.Add(evidence.Draft(
                CorsFindingCodes.LenientResponse,
                Title,
                response.Scope,
                CorsSeverity.Warning,
                response.Frame(evidence, $"Browsers read this response from its raw bytes and accept it, but not everything in it is valid HTTP/1.1: {string.Join("; ", leniencies)}. CorsProbe judged it as browsers read it; stricter clients (.NET's HttpClient, proxies, the platform's own checker) may fail or read it differently."),
                "Make the server write a standard status line (`HTTP/1.1 204 No Content`), CRLF line endings, and only header lines of the form `Name: value` with a token name."));
        }
    }
}

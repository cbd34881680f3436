using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>CORS103: a specific origin is echoed without <c>Vary: Origin</c>, so a shared cache may serve it to another origin.</summary>
internal static class VaryOriginRule
{
    public const string Title = "Origin echoed without Vary: Origin";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (!evidence.AnyResponseHas(CorsChecks.MissingVaryOrigin))
        {
            return;
        }

        foreach (var response in CheckedResponse.Of(evidence))
        {
            if (!response.Evaluation.Has(CorsChecks.MissingVaryOrigin))
            {
                continue;
            }

            var vary = HeaderText.Describe(CorsHeaderNames.Vary, response.Evaluation.Headers.Vary);
            findings.Add(evidence.Draft(
                CorsFindingCodes.MissingVaryOrigin,
                Title,
                response.Scope,
                CorsSeverity.Warning,
                response.Frame(evidence, $"The response echoes the origin `{response.Context.Origin}` but has {vary} without `Origin`: a shared cache may serve this answer to another origin, which browsers then block."),
                "Add `Vary: Origin` to every response whose Access-Control-Allow-Origin depends on the request's Origin."));
        }
    }
}

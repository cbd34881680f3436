using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS010 and CORS012: <c>Access-Control-Allow-Methods</c> or <c>-Allow-Headers</c> holds an element that is not a token,
/// so the whole header is rejected (Fetch "CORS-preflight fetch" steps 7.1-7.2; methods are parsed first).
/// </summary>
internal static class MalformedListRule
{
    public const string MethodsTitle = "Access-Control-Allow-Methods is malformed";
    public const string HeadersTitle = "Access-Control-Allow-Headers is malformed";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (!evidence.PreflightHas(CorsChecks.InvalidAllowMethods | CorsChecks.InvalidAllowHeaders))
        {
            return;
        }

        var preflight = evidence.Preflight;

        if (preflight.Has(CorsChecks.InvalidAllowMethods))
        {
            findings.Add(Finding(evidence, CorsFindingCodes.InvalidAllowMethods, MethodsTitle, CorsHeaderNames.AllowMethods, preflight.Headers.AllowMethods, preflight.Methods.List.Invalid!, FindingScope.Preflight, ".",
                "List methods separated by commas, without quotes, slashes or semicolons, e.g. `Access-Control-Allow-Methods: GET, POST, PUT`."));
        }

        if (preflight.Has(CorsChecks.InvalidAllowHeaders))
        {
            findings.Add(Finding(evidence, CorsFindingCodes.InvalidAllowHeaders, HeadersTitle, CorsHeaderNames.AllowHeaders, preflight.Headers.AllowHeaders, preflight.RequestHeaders.List.Invalid!, FindingScope.AllowHeaders, ", even for requests without custom headers.",
                "List header names separated by commas, e.g. `Access-Control-Allow-Headers: Content-Type, Authorization`."));
        }
    }

    private static FindingDraft Finding(
        MethodEvidence evidence, string code, string title, string name, HeaderValue field, string invalid, FindingScope scope, string rest, string remedy) =>
        evidence.Draft(code, title, scope, CorsSeverity.Error,
            $"{HeaderText.Describe(name, field)} contains `{invalid}`, which is not an HTTP token; browsers reject the whole header{rest}{evidence.NoPreflightNote}",
            remedy);
}

using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS101: <c>*</c> in <c>Access-Control-Allow-Headers</c> covers <c>Authorization</c> only because Chromium and Firefox
/// are lenient; the Fetch standard excludes it from the wildcard (docs/cors-rules.md, "Where the engines differ from the standard, and why CorsProbe follows them").
/// </summary>
internal static class AuthorizationWildcardRule
{
    public const string Title = "'*' covers Authorization only by browser leniency";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (!evidence.PreflightHas(CorsChecks.AuthorizationByWildcard))
        {
            return;
        }

        var preflight = evidence.Preflight;

        findings.Add(evidence.Draft(
            CorsFindingCodes.AuthorizationCoveredByWildcard,
            Title,
            FindingScope.AllowHeaders,
            CorsSeverity.Warning,
            $"{HeaderText.Describe(CorsHeaderNames.AllowHeaders, preflight.Headers.AllowHeaders)} covers `Authorization` only because Chromium and Firefox are lenient; the Fetch standard requires `Authorization` to be listed explicitly, and browsers already log a deprecation warning.",
            "List `Authorization` explicitly in Access-Control-Allow-Headers, e.g. `Access-Control-Allow-Headers: *, Authorization`."));
    }
}

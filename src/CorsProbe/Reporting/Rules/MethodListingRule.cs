using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS014: GET, HEAD or POST is allowed only because it is CORS-safelisted, not listed in
/// <c>Access-Control-Allow-Methods</c>: browsers accept it, profiles that require listed methods do not.
/// </summary>
internal static class MethodListingRule
{
    public const string Title = "Method allowed only because it is CORS-safelisted";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (!evidence.PreflightHas(CorsChecks.MethodOnlySafelisted))
        {
            return;
        }

        var preflight = evidence.Preflight;

        var method = evidence.Method;
        var notListed = preflight.Headers.AllowMethods.IsAbsent
            ? $"The response has no Access-Control-Allow-Methods header, so `{method}` is not listed"
            : $"{HeaderText.Describe(CorsHeaderNames.AllowMethods, preflight.Headers.AllowMethods)} does not list `{method}`";
        var strict = ProfileJudgement.Subjects(evidence.Probe.Profiles, p => p.RequiresListedMethods);
        var consequence = strict is null ? string.Empty : $", but the check of {strict} requires every method to be listed";
        findings.Add(evidence.Draft(
            CorsFindingCodes.MethodNotListed,
            Title,
            FindingScope.MethodListing,
            CorsSeverity.Error,
            $"{notListed}. Browsers allow it anyway, because GET, HEAD and POST are CORS-safelisted methods{consequence}.",
            $"Add `{method}` to Access-Control-Allow-Methods."));
    }
}

using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS011: the method is not allowed (Fetch "CORS-preflight fetch" step 7.9): not listed exactly (methods are
/// case-sensitive), not covered by <c>*</c> (a wildcard only without credentials), and not CORS-safelisted.
/// </summary>
internal static class MethodRule
{
    public const string Title = "Method not allowed";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (!evidence.PreflightHas(CorsChecks.MethodNotAllowed))
        {
            return;
        }

        var preflight = evidence.Preflight;

        findings.Add(evidence.Draft(
            CorsFindingCodes.MethodNotAllowed,
            Title,
            FindingScope.Preflight,
            CorsSeverity.Error,
            Message(evidence, preflight),
            $"Add `{evidence.Method}` to Access-Control-Allow-Methods (methods are case-sensitive; browsers send `{evidence.Method}`)."));
    }

    private static string Message(MethodEvidence evidence, ResponseEvaluation preflight)
    {
        var method = evidence.Method;
        var field = preflight.Headers.AllowMethods;
        if (field.IsAbsent)
        {
            return $"The response has no Access-Control-Allow-Methods header, so only the CORS-safelisted methods GET, HEAD and POST are allowed, not `{method}`.";
        }

        var list = HeaderText.Describe(CorsHeaderNames.AllowMethods, field);
        if (preflight.Methods.CaseVariant is { } caseVariant)
        {
            return $"{list} lists `{caseVariant}`, not `{method}`: browsers compare methods case-sensitively (only DELETE, GET, HEAD, OPTIONS, POST and PUT are upper-cased by fetch()).";
        }

        return evidence.Context.Credentials && preflight.Methods.Wildcard
            ? $"{list} does not list `{method}`: with credentials, `*` is a literal method name, not a wildcard."
            : $"{list} does not list `{method}`.";
    }
}

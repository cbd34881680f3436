using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS013: a CORS-unsafe request header is not allowed (Fetch "CORS-preflight fetch" step 7.10): not listed
/// (names are case-insensitive), and not covered by <c>*</c> (a wildcard only without credentials).
/// </summary>
internal static class RequestHeadersRule
{
    public const string Title = "Request header not allowed";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (evidence.PreflightHas(CorsChecks.HeaderNotAllowed))
        {
            findings.Add(Finding(evidence, evidence.Preflight));
        }
    }

    private static FindingDraft Finding(MethodEvidence evidence, ResponseEvaluation preflight)
    {
        var requested = evidence.Context.UnsafeHeaderNames;
        var names = string.Join(", ", preflight.RequestHeaders.Unlisted.Select(static n => $"`{n}`"));
        var asked = string.Join(',', requested);
        var field = preflight.Headers.AllowHeaders;
        string message;
        if (field.IsAbsent)
        {
            message = $"The response has no Access-Control-Allow-Headers header, so it allows none of the headers the request sends ({names}; the preflight asked for `{asked}`).";
        }
        else
        {
            var literalWildcard = evidence.Context.Credentials && preflight.RequestHeaders.Wildcard
                ? " With credentials, `*` is a literal header name, not a wildcard."
                : string.Empty;
            message = $"{HeaderText.Describe(CorsHeaderNames.AllowHeaders, field)} does not allow {names}, which the request sends (the preflight asked for `{asked}`).{literalWildcard}";
        }

        var lenient = ProfileJudgement.Subjects(evidence.Probe.Profiles, p => !p.ChecksAllowHeaders);
        if (lenient is not null)
        {
            message += $" The check of {lenient} does not read this header, so it does not fail on it.";
        }

        return evidence.Draft(
            CorsFindingCodes.HeaderNotAllowed,
            Title,
            FindingScope.AllowHeaders,
            CorsSeverity.Error,
            message,
            $"Add {string.Join(", ", preflight.RequestHeaders.Unlisted)} to Access-Control-Allow-Headers (names are case-insensitive).")
            with { Subject = string.Join(",", preflight.RequestHeaders.Unlisted.Distinct(StringComparer.OrdinalIgnoreCase)) };
    }
}

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

    public static void Apply(PreflightReading reading, List<FindingDraft> findings)
    {
        if (reading.Preflight is not { } preflight)
        {
            return;
        }

        if (preflight.Has(CorsChecks.InvalidAllowMethods))
        {
            var list = HeaderText.Describe(CorsHeaderNames.AllowMethods, preflight.Headers.AllowMethods);
            var element = preflight.Methods.Invalid.TextIn(preflight.Response);
            findings.Add(reading.Draft(
                CorsFindingCodes.InvalidAllowMethods,
                MethodsTitle,
                FindingScope.Preflight,
                CorsSeverity.Error,
                $"{list} contains `{element}`, which is not an HTTP token; browsers reject the whole header.{reading.NoPreflightNote}",
                "List methods separated by commas, without quotes, slashes or semicolons, e.g. `Access-Control-Allow-Methods: GET, POST, PUT`."));
        }

        if (preflight.Has(CorsChecks.InvalidAllowHeaders))
        {
            var list = HeaderText.Describe(CorsHeaderNames.AllowHeaders, preflight.Headers.AllowHeaders);
            var element = preflight.RequestHeaders.Invalid.TextIn(preflight.Response);
            findings.Add(reading.Draft(
                CorsFindingCodes.InvalidAllowHeaders,
                HeadersTitle,
                FindingScope.AllowHeaders,
                CorsSeverity.Error,
                $"{list} contains `{element}`, which is not an HTTP token; browsers reject the whole header, even for requests without custom headers.{reading.NoPreflightNote}",
                "List header names separated by commas, e.g. `Access-Control-Allow-Headers: Content-Type, Authorization`."));
        }
    }
}

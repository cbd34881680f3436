using CorsProbing.Evaluation;
using CorsProbing.Http;

namespace CorsProbing.Reporting;

/// <summary>Findings of the list checks: <c>Access-Control-Allow-Methods</c> and <c>-Allow-Headers</c>.</summary>
internal static class ListFindings
{
    public static void Add(List<FindingDraft> findings, HttpResponseMessage response, in PreflightContext context, PreflightDecision decision)
    {
        var allowMethods = HeaderLines.Read(response, CorsHeaderNames.AllowMethods);
        var allowHeaders = HeaderLines.Read(response, CorsHeaderNames.AllowHeaders);
        var method = context.Method;
        var blocksBrowser = context.BrowserSendsPreflight ? CorsSeverity.Error : CorsSeverity.Info;
        var noPreflightNote = context.BrowserSendsPreflight ? string.Empty : PreflightFindings.NoPreflightNote(context);

        if (decision.Has(CorsChecks.InvalidAllowMethods))
        {
            findings.Add(new FindingDraft(
                CorsFindingCodes.InvalidAllowMethods,
                method,
                blocksBrowser,
                CorsSeverity.Error,
                $"{HeaderText.Describe(CorsHeaderNames.AllowMethods, allowMethods)} contains `{HeaderText.FirstInvalidElement(allowMethods)}`, which is not an HTTP token; browsers reject the whole header.{noPreflightNote}",
                "List methods separated by commas, without quotes, slashes or semicolons, e.g. `Access-Control-Allow-Methods: GET, POST, PUT`."));
        }

        if (decision.Has(CorsChecks.InvalidAllowHeaders))
        {
            findings.Add(new FindingDraft(
                CorsFindingCodes.InvalidAllowHeaders,
                method,
                blocksBrowser,
                CorsSeverity.Info,
                $"{HeaderText.Describe(CorsHeaderNames.AllowHeaders, allowHeaders)} contains `{HeaderText.FirstInvalidElement(allowHeaders)}`, which is not an HTTP token; browsers reject the whole header, even for requests without custom headers.{noPreflightNote}",
                "List header names separated by commas, e.g. `Access-Control-Allow-Headers: Content-Type, Authorization`."));
        }

        if (decision.Has(CorsChecks.MethodNotAllowed))
        {
            findings.Add(new FindingDraft(
                CorsFindingCodes.MethodNotAllowed,
                method,
                CorsSeverity.Error,
                CorsSeverity.Error,
                MethodMessage(allowMethods, context),
                $"Add `{method}` to Access-Control-Allow-Methods (methods are case-sensitive; browsers send `{method}`)."));
        }

        if (decision.Has(CorsChecks.MethodOnlySafelisted))
        {
            findings.Add(new FindingDraft(
                CorsFindingCodes.MethodNotListed,
                method,
                CorsSeverity.Info,
                CorsSeverity.Error,
                $"{NotListed(allowMethods, method)}. Browsers allow it anyway, because GET, HEAD and POST are CORS-safelisted methods, but the Galxe platform requires every method to be listed.",
                $"Add `{method}` to Access-Control-Allow-Methods."));
        }

        if (decision.Has(CorsChecks.HeaderNotAllowed))
        {
            var missing = MissingHeaders(allowHeaders, context);
            findings.Add(new FindingDraft(
                CorsFindingCodes.HeaderNotAllowed,
                method,
                CorsSeverity.Error,
                CorsSeverity.Info,
                $"{HeaderNotAllowedMessage(allowHeaders, missing, context)} The Galxe platform does not check this header, so its Test passes while browsers block the call.",
                $"Add {string.Join(", ", missing)} to Access-Control-Allow-Headers (names are case-insensitive)."));
        }

        if (decision.Has(CorsChecks.AuthorizationByWildcard))
        {
            findings.Add(new FindingDraft(
                CorsFindingCodes.AuthorizationCoveredByWildcard,
                method,
                CorsSeverity.Warning,
                CorsSeverity.Info,
                $"{HeaderText.Describe(CorsHeaderNames.AllowHeaders, allowHeaders)} covers `Authorization` only because Chromium and Firefox are lenient; the Fetch standard requires `Authorization` to be listed explicitly, and browsers already log a deprecation warning.",
                "List `Authorization` explicitly in Access-Control-Allow-Headers, e.g. `Access-Control-Allow-Headers: *, Authorization`."));
        }
    }

    private static string MethodMessage(HeaderLines allowMethods, in PreflightContext context)
    {
        var method = context.Method;
        var described = HeaderText.Describe(CorsHeaderNames.AllowMethods, allowMethods);
        if (allowMethods.Count == 0)
        {
            return $"The response has no Access-Control-Allow-Methods header, so only the CORS-safelisted methods GET, HEAD and POST are allowed, not `{method}`.";
        }

        var elements = HeaderText.Elements(allowMethods);
        var caseVariant = elements.FirstOrDefault(e => string.Equals(e, method, StringComparison.OrdinalIgnoreCase));
        if (caseVariant is not null)
        {
            return $"{described} lists `{caseVariant}`, not `{method}`: browsers compare methods case-sensitively (only DELETE, GET, HEAD, OPTIONS, POST and PUT are upper-cased by fetch()).";
        }

        if (context.Credentials && elements.Contains("*"))
        {
            return $"{described} does not list `{method}`: with credentials, `*` is a literal method name, not a wildcard.";
        }

        return $"{described} does not list `{method}`.";
    }

    private static string NotListed(HeaderLines allowMethods, string method) =>
        allowMethods.Count == 0
            ? $"The response has no Access-Control-Allow-Methods header, so `{method}` is not listed"
            : $"{HeaderText.Describe(CorsHeaderNames.AllowMethods, allowMethods)} does not list `{method}`";

    private static string HeaderNotAllowedMessage(HeaderLines allowHeaders, List<string> missing, in PreflightContext context)
    {
        var names = string.Join(", ", missing.Select(static n => $"`{n}`"));
        var asked = string.Join(',', context.UnsafeHeaderNames);
        if (allowHeaders.Count == 0)
        {
            return $"The response has no Access-Control-Allow-Headers header, so it allows none of the headers the request sends ({names}; the preflight asked for `{asked}`).";
        }

        var literalWildcard = context.Credentials && HeaderText.Elements(allowHeaders).Contains("*")
            ? " With credentials, `*` is a literal header name, not a wildcard."
            : string.Empty;
        return $"{HeaderText.Describe(CorsHeaderNames.AllowHeaders, allowHeaders)} does not allow {names}, which the request sends (the preflight asked for `{asked}`).{literalWildcard}";
    }

    private static List<string> MissingHeaders(HeaderLines allowHeaders, in PreflightContext context)
    {
        var missing = new List<string>();
        foreach (var name in context.UnsafeHeaderNames)
        {
            if (!HeaderList.Contains(allowHeaders, name, StringComparison.OrdinalIgnoreCase))
            {
                missing.Add(name);
            }
        }

        return missing;
    }
}

using CorsProbing.Evaluation;
using CorsProbing.Http;

namespace CorsProbing.Reporting;

/// <summary>Findings of the CORS check proper: <c>Access-Control-Allow-Origin</c>, <c>-Allow-Credentials</c>, <c>Vary</c>.</summary>
internal static class OriginFindings
{
    /// <summary>Adds the findings of <paramref name="decision"/>'s CORS check; <paramref name="subject"/> names the response judged.</summary>
    public static void Add(List<FindingDraft> findings, HttpResponseMessage response, in PreflightContext context, PreflightDecision decision, string? subject = null)
    {
        var allowOrigin = HeaderLines.Read(response, CorsHeaderNames.AllowOrigin);
        var method = context.Method;
        var origin = context.Origin;

        if (decision.Has(CorsChecks.AllowOriginMissing))
        {
            findings.Add(Error(
                CorsFindingCodes.AllowOriginMissing,
                method,
                $"The {subject ?? Subject(context)} has no Access-Control-Allow-Origin header, so browsers block the call from {origin}.",
                EchoRemedy(context) + " Make sure your CORS layer also answers OPTIONS requests and error responses."));
        }

        if (decision.Has(CorsChecks.AllowOriginMultiple))
        {
            findings.Add(Error(
                CorsFindingCodes.AllowOriginMultiple,
                method,
                $"{HeaderText.Describe(CorsHeaderNames.AllowOrigin, allowOrigin)} holds more than one value; browsers accept exactly one origin or `*`.",
                EchoRemedy(context) + " If two layers (application, proxy, CDN) each add the header, keep only one."));
        }

        if (decision.Has(CorsChecks.AllowOriginMismatch))
        {
            var value = HeaderText.Combined(allowOrigin) ?? string.Empty;
            findings.Add(Error(
                CorsFindingCodes.AllowOriginMismatch,
                method,
                $"{HeaderText.Describe(CorsHeaderNames.AllowOrigin, allowOrigin)} does not match the origin `{origin}`{MismatchHint(value, origin)}. Browsers compare the two byte for byte: scheme, host, port and case, with no trailing slash.",
                EchoRemedy(context)));
        }

        if (decision.Has(CorsChecks.WildcardWithCredentials))
        {
            findings.Add(Error(
                CorsFindingCodes.WildcardWithCredentials,
                method,
                "`Access-Control-Allow-Origin: *` is not allowed for a request with credentials (cookies or HTTP authentication); browsers block it even with `Access-Control-Allow-Credentials: true`.",
                $"Echo the specific origin instead: `Access-Control-Allow-Origin: {origin}`, `Access-Control-Allow-Credentials: true` and `Vary: Origin`."));
        }

        if (decision.Has(CorsChecks.AllowCredentials))
        {
            var allowCredentials = HeaderLines.Read(response, CorsHeaderNames.AllowCredentials);
            findings.Add(Error(
                CorsFindingCodes.AllowCredentials,
                method,
                $"The request includes credentials, so the response must carry `Access-Control-Allow-Credentials: true` (exactly, lower-case); it has {HeaderText.Describe(CorsHeaderNames.AllowCredentials, allowCredentials)}.",
                "Send `Access-Control-Allow-Credentials: true` once, or make the request without credentials."));
        }

        if (decision.Has(CorsChecks.MissingVaryOrigin))
        {
            var vary = HeaderLines.Read(response, CorsHeaderNames.Vary);
            findings.Add(new FindingDraft(
                CorsFindingCodes.MissingVaryOrigin,
                method,
                CorsSeverity.Warning,
                CorsSeverity.Warning,
                $"The response echoes the origin `{origin}` but has {HeaderText.Describe(CorsHeaderNames.Vary, vary)} without `Origin`: a shared cache may serve this answer to another origin, which browsers then block.",
                "Add `Vary: Origin` to every response whose Access-Control-Allow-Origin depends on the request's Origin."));
        }
    }

    private static string EchoRemedy(in PreflightContext context) => context.Credentials
        ? $"Send exactly `Access-Control-Allow-Origin: {context.Origin}` (after checking it against your allow-list), with `Access-Control-Allow-Credentials: true` and `Vary: Origin`."
        : $"Send exactly `Access-Control-Allow-Origin: {context.Origin}` (after checking it against your allow-list) with `Vary: Origin`, or `Access-Control-Allow-Origin: *` for a public API.";

    private static string Subject(in PreflightContext context) =>
        context.BrowserSendsPreflight ? $"preflight response for {context.Method}" : $"response to OPTIONS (standing in for the actual {context.Method} response)";

    private static FindingDraft Error(string code, string method, string message, string remedy) =>
        new(code, method, CorsSeverity.Error, CorsSeverity.Error, message, remedy);

    private static string MismatchHint(string value, string origin)
    {
        if (value.Length == 0)
        {
            return " (the header is empty)";
        }

        if (string.Equals(value, origin, StringComparison.OrdinalIgnoreCase))
        {
            return " (it differs only in letter case)";
        }

        if (value.TrimEnd('/') == origin)
        {
            return " (it has a trailing slash)";
        }

        if (value == "null")
        {
            return " (`null` only matches opaque origins such as sandboxed iframes)";
        }

        if (value == origin + ":443" || value == origin + ":80")
        {
            return " (it spells out the default port, which browsers omit)";
        }

        if (value.StartsWith("*.", StringComparison.Ordinal) || value.Contains("://*.", StringComparison.Ordinal))
        {
            return " (wildcard patterns are not supported; only a single `*` is)";
        }

        var schemeEnd = origin.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && value.EndsWith(origin[schemeEnd..], StringComparison.Ordinal))
        {
            return " (the scheme differs)";
        }

        return string.Empty;
    }
}

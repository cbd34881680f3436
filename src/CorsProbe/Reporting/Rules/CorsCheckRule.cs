using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS005-CORS009: Fetch "CORS check" (<c>Access-Control-Allow-Origin</c>, then <c>-Allow-Credentials</c>), with
/// Chromium's choice of error, on every response a browser or a profile judges.
/// </summary>
internal static class CorsCheckRule
{
    public const string MissingTitle = "Access-Control-Allow-Origin missing";
    public const string MultipleTitle = "Access-Control-Allow-Origin has multiple values";
    public const string MismatchTitle = "Access-Control-Allow-Origin does not match the origin";
    public const string WildcardWithCredentialsTitle = "Wildcard origin with credentials";
    public const string CredentialsTitle = "Access-Control-Allow-Credentials is not 'true'";
    public const string StandInInconclusiveTitle = "The stand-in cannot speak for the method";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (!evidence.AnyResponseHas(CorsChecks.CorsCheck))
        {
            return;
        }

        foreach (var response in CheckedResponse.Of(evidence))
        {
            Apply(evidence, response, findings);
        }
    }

    private static void Apply(MethodEvidence evidence, CheckedResponse response, List<FindingDraft> findings)
    {
        var evaluation = response.Evaluation;
        var origin = response.Context.Origin;
        var allowOrigin = HeaderText.Describe(CorsHeaderNames.AllowOrigin, evaluation.Headers.AllowOrigin);
        var echo = EchoRemedy(response.Context);

        // The stand-in's whole CORS check cannot tell (its credentials check included): one finding says so.
        if (evaluation.Origin == OriginMatch.Missing && (CannotTell(evidence, response) || LayersDisagree(evidence, response)))
        {
            var status = evaluation.Response.Status.ToString(CultureInfo.InvariantCulture);
            var seen = LayersDisagree(evidence, response)
                ? $"The OPTIONS response grants {origin}, but the stand-in GET got HTTP {status} without Access-Control-Allow-Origin: the GET route answers without the CORS layer that answered OPTIONS (a route registered before the CORS middleware, or a proxy that answers OPTIONS alone), and which of the two answers {evidence.Method} cannot be told from a GET."
                : $"The OPTIONS response grants nothing to {origin}, and the stand-in GET got HTTP {status} without Access-Control-Allow-Origin: {Why(evidence, evaluation.Response.Status)}";
            findings.Add(evidence.Draft(
                CorsFindingCodes.StandInInconclusive,
                StandInInconclusiveTitle,
                FindingScope.ActualResponse,
                CorsSeverity.Error,
                $"{(evidence.Context.BrowserSendsPreflight ? $"After the preflight, browsers judge the actual {evidence.Method} response" : $"Browsers send {evidence.Method} without a preflight and judge only the actual {evidence.Method} response")}, which CorsProbe does not send (it never sends an unsafe method). {seen} Nothing browsers would see decides this call: it is neither allowed nor denied on this evidence.",
                $"Settle it with the actual request: {evidence.Probe.SettingNames.SendActualRequests}; or send `curl -i -X {evidence.Method} -H 'Origin: {origin}' '{response.Context.RequestUri.OriginalString}'` and look for `Access-Control-Allow-Origin: {origin}` (or `*`{(response.Context.Credentials ? ", not with credentials" : "")}) in its answer."));
            return;
        }

        switch (evaluation.Origin)
        {
            case OriginMatch.Missing when IsInconclusive(evidence, response):
                Add(CorsFindingCodes.AllowOriginMissing, MissingTitle,
                    $"The stand-in GET got HTTP {evaluation.Response.Status.ToString(CultureInfo.InvariantCulture)} without an Access-Control-Allow-Origin header. A refusal of the GET proves little about the {evidence.Method} route (it may not serve GET, or want the credentials the page sends), whose own responses may carry the header, and the OPTIONS response grants {origin}; but an error response without the header reaches the page's script as a network error, not as the error.",
                    "Add the CORS headers to error responses too." + ServerIdentity.HeadersOnErrors(ServerIdentity.Of(evaluation.Response)),
                    CorsSeverity.Warning);
                break;
            case OriginMatch.Missing:
                Add(CorsFindingCodes.AllowOriginMissing, MissingTitle,
                    $"The {response.Subject(response.Kind == ExchangeKind.Preflight ? null : evidence.Method)} has no Access-Control-Allow-Origin header, so browsers block the call from {origin}.",
                    echo + " Make sure your CORS layer also answers OPTIONS requests and error responses.");
                break;
            case OriginMatch.Multiple:
                Add(CorsFindingCodes.AllowOriginMultiple, MultipleTitle,
                    $"{allowOrigin} holds more than one value; browsers accept exactly one origin or `*`.",
                    echo + " If two layers (application, proxy, CDN) each add the header, keep only one.");
                break;
            case OriginMatch.Mismatch:
                Add(CorsFindingCodes.AllowOriginMismatch, MismatchTitle,
                    $"{allowOrigin} does not match the origin `{origin}`{OriginMismatchHint.For(evaluation.Headers.AllowOrigin.Combined ?? string.Empty, origin)}. Browsers compare the two byte for byte: scheme, host, port and case, with no trailing slash.",
                    echo);
                break;
        }

        if (evaluation.Has(CorsChecks.WildcardWithCredentials))
        {
            Add(CorsFindingCodes.WildcardWithCredentials, WildcardWithCredentialsTitle,
                "`Access-Control-Allow-Origin: *` is not allowed for a request with credentials (cookies or HTTP authentication); browsers block it even with `Access-Control-Allow-Credentials: true`.",
                $"Echo the specific origin instead: `Access-Control-Allow-Origin: {origin}`, `Access-Control-Allow-Credentials: true` and `Vary: Origin`.");
        }

        if (evaluation.Has(CorsChecks.AllowCredentials))
        {
            // Engines that join a header's lines without the empty ones (Firefox) read `true` and an empty line as `true`.
            var lenient = evaluation.Has(CorsChecks.AllowCredentialsApartFromEmptyLines)
                ? response.Context.Engines.Intersect(EngineSet.JoiningWithoutEmptyLines)
                : EngineSet.None;
            var message = $"The request includes credentials, so the response must carry `Access-Control-Allow-Credentials: true` (exactly, lower-case); it has {HeaderText.Describe(CorsHeaderNames.AllowCredentials, evaluation.Headers.AllowCredentials)}.";
            const string remedy = "Send `Access-Control-Allow-Credentials: true` once, or make the request without credentials.";
            var strict = response.Context.Engines.Except(lenient);
            if (!strict.IsEmpty)
            {
                Add(CorsFindingCodes.AllowCredentials, CredentialsTitle, message, remedy, engines: strict);
            }

            if (!lenient.IsEmpty)
            {
                Add(CorsFindingCodes.AllowCredentials, CredentialsTitle,
                    message + " The empty line is left out there, so the header reads `true` and the call passes; the standard and the other browsers join the lines into `true, ` and block it.",
                    remedy, CorsSeverity.Warning, lenient);
            }
        }

        void Add(string code, string title, string message, string remedy, CorsSeverity severity = CorsSeverity.Error, EngineSet engines = default) =>
            findings.Add(evidence.Draft(code, title, response.Scope, severity, response.Frame(evidence, message), remedy) is var draft && !engines.IsEmpty
                ? draft with { Engines = engines }
                : draft);
    }

    // A stand-in GET refused with a 4xx and no grant says little when the OPTIONS answer grants the origin: the GET may
    // hit no route (404, 405) or lack the credentials the page sends (401, 403), while the method's own route adds the
    // headers. A 2xx without a grant, a 5xx (the URL fails, and its errors carry no grant), or no grant anywhere says
    // that the actual response will not grant this origin either (docs/cors-rules.md, "After the preflight").
    private static bool IsInconclusive(MethodEvidence evidence, CheckedResponse response) =>
        response.Kind == ExchangeKind.StandIn && !response.IsRedirect
        && response.Evaluation.Response.Status is >= 400 and <= 499
        && !evidence.Preflight.IsAbsent && evidence.Preflight.CorsCheckPasses;

    // The stand-in is all there is, and it cannot tell: browsers send the method without a preflight (so nothing else is
    // judged), the OPTIONS answer grants nothing (so no CORS layer is seen to answer this URL), and the GET was refused
    // in a way that speaks only of the GET: no such route (404), not this method (405, 501), or not without the
    // credentials the page sends (401, 403).
    private static bool CannotTell(MethodEvidence evidence, CheckedResponse response) =>
        response.Kind == ExchangeKind.StandIn && !response.IsRedirect && !response.AfterRedirect
        && !evidence.Context.BrowserSendsPreflight
        && (evidence.Preflight.IsAbsent || !evidence.Preflight.CorsCheckPasses)
        && response.Evaluation.Response.Status switch
        {
            404 or 405 or 501 => true,
            401 or 403 => evidence.Context.Credentials,
            _ => false,
        };

    // The two layers contradict each other: the OPTIONS answer grants the origin, and the GET route answers 2xx without
    // any grant. The method's route may sit behind either (Express's GET route registered before cors(), nginx's grant in
    // an `if ($request_method = OPTIONS)` block), so the GET proves nothing about it.
    private static bool LayersDisagree(MethodEvidence evidence, CheckedResponse response) =>
        response.Kind == ExchangeKind.StandIn && !response.IsRedirect && !response.AfterRedirect
        && !evidence.Preflight.IsAbsent && evidence.Preflight.CorsCheckPasses
        && response.Evaluation.Response.Status is >= 200 and <= 299;

    private static string Why(MethodEvidence evidence, int status) => status switch
    {
        404 => $"the URL has no GET route, which says nothing of its {evidence.Method} route.",
        405 or 501 => $"the URL does not serve GET, which says nothing of how it answers {evidence.Method}.",
        _ => $"the GET went without the credentials the page sends, so its refusal says nothing of the {evidence.Method} the page makes.",
    };

    /// <summary>How to answer a request from <paramref name="context"/>'s origin; shared with the Vary rule's advice.</summary>
    public static string EchoRemedy(in CorsRequest context) => context.Credentials
        ? $"Send exactly `Access-Control-Allow-Origin: {context.Origin}` (after checking it against your allow-list), with `Access-Control-Allow-Credentials: true` and `Vary: Origin`."
        : $"Send exactly `Access-Control-Allow-Origin: {context.Origin}` (after checking it against your allow-list) with `Vary: Origin`, or `Access-Control-Allow-Origin: *` for a public API.";
}

using CorsProbing.Http;

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS001, CORS002, CORS016 and CORS019: a request got no response browsers accept, so nothing could be judged. After
/// a preflight browsers pass, the actual GET/HEAD (or the stand-in for a method never sent) getting none fails the
/// browser's call too.
/// </summary>
internal static class TransportFailureRule
{
    public const string UnreachableTitle = "Target unreachable";
    public const string TimeoutTitle = "Preflight timed out";
    public const string AddressRefusedTitle = "Target address not allowed";
    public const string MalformedTitle = "Malformed response";
    public const string HandlerFailedTitle = "The supplied handler did not answer";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (evidence.ActualFailure is { } followUp)
        {
            findings.Add(FollowUpFailure(evidence, followUp));
        }

        if (evidence.Exchange.Failure is not { } failure)
        {
            return;
        }

        var url = evidence.Context.RequestUri;
        findings.Add(failure.Kind switch
        {
            ExchangeFailureKind.AddressRefused => evidence.Draft(
                CorsFindingCodes.TargetAddressNotAllowed,
                AddressRefusedTitle,
                FindingScope.Everyone,
                CorsSeverity.Error,
                $"No request was sent: {failure.Description}.",
                AddressRemedy(evidence, failure)),
            ExchangeFailureKind.TimedOut => evidence.Draft(
                CorsFindingCodes.Timeout,
                TimeoutTitle,
                FindingScope.Everyone,
                CorsSeverity.Error,
                $"No response headers arrived within {Durations.Seconds(failure.Limit)}: {failure.Description}",
                $"Make OPTIONS answer quickly and without authentication, or {evidence.Probe.SettingNames.Timeout} if the API is known to be slow."),
            ExchangeFailureKind.MalformedResponse => evidence.Draft(
                CorsFindingCodes.MalformedResponse,
                MalformedTitle,
                FindingScope.Everyone,
                CorsSeverity.Error,
                $"The answer to the preflight to {url.OriginalString} is malformed: {failure.Description}.",
                MalformedRemedy),
            ExchangeFailureKind.HandlerFailed => evidence.Draft(
                CorsFindingCodes.Unreachable,
                HandlerFailedTitle,
                FindingScope.Everyone,
                CorsSeverity.Error,
                $"The handler you supplied did not answer the preflight (OPTIONS {url.OriginalString}): {failure.Description}",
                $"Make your handler answer OPTIONS {url.OriginalString} as the server would (with MockHttp: mock.When(HttpMethod.Options, url).Respond(...))."),
            _ => evidence.Draft(
                CorsFindingCodes.Unreachable,
                UnreachableTitle,
                FindingScope.Everyone,
                CorsSeverity.Error,
                $"The preflight to {url.OriginalString} failed before a response arrived: {failure.Description}",
                $"Check that {url.IdnHost} resolves, that a server listens on port {url.Port.ToString(CultureInfo.InvariantCulture)}, and that its TLS certificate is valid for {url.IdnHost}."),
        });
    }

    private const string MalformedRemedy =
        "Fix the server (or the proxy in front of it) so that it writes a well-formed HTTP/1.1 response head: no NUL bytes, one Content-Length value, under 256 KiB.";

    private static FindingDraft FollowUpFailure(MethodEvidence evidence, ExchangeFailure failure)
    {
        var (code, title) = failure.Kind switch
        {
            ExchangeFailureKind.TimedOut => (CorsFindingCodes.Timeout, "Actual request timed out"),
            ExchangeFailureKind.AddressRefused => (CorsFindingCodes.TargetAddressNotAllowed, "Actual request not sent: address not allowed"),
            ExchangeFailureKind.MalformedResponse => (CorsFindingCodes.MalformedResponse, "Actual request got a malformed response"),
            _ => (CorsFindingCodes.Unreachable, "Actual request got no response"),
        };
        if (failure.Kind == ExchangeFailureKind.HandlerFailed)
        {
            return HandlerFailedAfterPreflight(evidence, failure);
        }

        var malformed = failure.Kind == ExchangeFailureKind.MalformedResponse;
        var remedy = malformed ? MalformedRemedy : "Make the actual request answer within the timeout, on a connection that is not reset.";
        if (evidence.Context.FollowUp == ExchangeKind.StandIn)
        {
            return evidence.Draft(code, title, FindingScope.ActualResponse, CorsSeverity.Error,
                $"The stand-in GET for {evidence.Method} got {(malformed ? "a malformed answer" : "no response")} ({failure.Description.TrimEnd('.')}): a URL that fails a GET this way is taken to fail the {evidence.Method} too, so browsers' call is not counted as allowed. This is stand-in evidence: likely, not certain.",
                "Check that the URL answers GET requests quickly and without resetting the connection (with a mock transport, answer the GET too).");
        }

        var after = evidence.Context.BrowserSendsPreflight ? "after the preflight passed" : "a browser sends";
        var what = evidence.FollowUps.Redirects.Count == 0
            ? $"The actual {evidence.Method} {after}"
            : $"The request a redirect led to ({evidence.FollowUps.Redirects[^1].Context.RequestUri.OriginalString})";
        return evidence.Draft(code, title, FindingScope.ActualResponse, CorsSeverity.Error,
            failure.Kind == ExchangeFailureKind.AddressRefused
                ? $"{what} was not sent: {failure.Description}, so the response browsers judge was not seen."
                : $"{what} got {(malformed ? $"a malformed answer: {failure.Description}." : $"no response: {failure.Description}")} A browser's call fails the same way.",
            remedy);
    }

    // The policy refused the address: what the caller can change depends on its class (a metadata address never opens).
    private static string AddressRemedy(MethodEvidence evidence, ExchangeFailure failure)
    {
        var names = evidence.Probe.SettingNames;
        return failure.RefusedClass switch
        {
            Safety.AddressClass.Loopback => $"Give a URL whose host resolves to public addresses only; to probe an API on this machine on purpose, {names.AllowLoopback}.",
            Safety.AddressClass.Private => $"Give a URL whose host resolves to public addresses only; to probe an API on your own network on purpose, {names.AllowPrivateNetworks}.",
            _ => "Give a URL whose host resolves to public addresses only: this kind of address is never probed, as a platform's backend must not reach it.",
        };
    }

    // The caller's handler threw for the GET/HEAD after the preflight: the fix is in the test's mock, or in sending only OPTIONS.
    private static FindingDraft HandlerFailedAfterPreflight(MethodEvidence evidence, ExchangeFailure failure)
    {
        var url = (evidence.FollowUps.Redirects.Count == 0 ? evidence.Context.RequestUri : evidence.FollowUps.Redirects[^1].Context.RequestUri).OriginalString;
        var what = evidence.Context.FollowUp == ExchangeKind.StandIn
            ? $"the stand-in GET for {evidence.Method} (GET {url}; CorsProbe never sends {evidence.Method}, and after a passing preflight it sends a GET of the same URL to see the CORS headers the server adds to its responses)"
            : $"the actual {evidence.Method} ({evidence.Method} {url}), which a browser sends {(evidence.Context.BrowserSendsPreflight ? "after the preflight passed" : "without a preflight")}";
        var verb = evidence.Context.FollowUp == ExchangeKind.StandIn ? "GET" : evidence.Method;
        return evidence.Draft(CorsFindingCodes.Unreachable, HandlerFailedTitle, FindingScope.ActualResponse, CorsSeverity.Error,
            $"The handler you supplied did not answer {what}: {failure.Description} The call is not counted as allowed without the response browsers judge.",
            $"Make your handler answer {verb} {url} as the server would (with MockHttp: mock.When(HttpMethod.{(verb == "HEAD" ? "Head" : "Get")}, url).Respond(...)), or {evidence.Probe.SettingNames.OptionsOnly}.");
    }
}

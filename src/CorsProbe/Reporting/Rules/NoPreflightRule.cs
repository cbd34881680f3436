namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS102: a browser sends no preflight for this request (Fetch "HTTP fetch": a safelisted method with safelisted
/// headers); it applies the CORS check to the actual response instead. Says which response CorsProbe judged for it.
/// </summary>
internal static class NoPreflightRule
{
    public const string Title = "A browser would not send a preflight";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (evidence.Context.BrowserSendsPreflight || evidence.Exchange.Response is null)
        {
            return;
        }

        var method = evidence.Method;
        var strict = ProfileJudgement.Subjects(evidence.Probe.Profiles, p => p.AlwaysPreflights);
        var options = strict is null ? "the OPTIONS response is shown for reference" : $"the OPTIONS response is judged for {strict}, which requires it";
        var source = evidence.Exchange.ActualRequest switch
        {
            { Kind: ExchangeKind.StandIn, Response: not null } => $"CorsProbe never sends a {method}: it sent a stand-in GET of the same URL and judged its response for browsers, as evidence of what the actual response carries; {options}.",
            { Response: not null } => $"CorsProbe sent the actual {method} too (headers only, body not read) and judged its response for browsers; {options}.",
            { } failed => $"CorsProbe's {(failed.Kind == ExchangeKind.StandIn ? "stand-in GET" : $"actual {method}")} got no response, so no response judged by browsers was seen; {options}.",
            null => $"CorsProbe sent only OPTIONS, so no response judged by browsers was seen; {options}.",
        };

        findings.Add(evidence.Draft(
            CorsFindingCodes.NoPreflightInBrowser,
            Title,
            FindingScope.Everyone,
            CorsSeverity.Info,
            $"A browser sends no preflight for {method} without CORS-unsafe headers; it only checks Access-Control-Allow-Origin (and -Credentials) on the actual response. {source}",
            "Make sure the actual response carries the same Access-Control-Allow-Origin as the OPTIONS response."));
    }
}

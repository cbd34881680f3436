namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS102: a browser sends no preflight for this request (Fetch "HTTP fetch": a safelisted method with safelisted
/// headers); it applies the CORS check to the actual response instead. Says which response CorsProbe judged for it.
/// </summary>
internal static class NoPreflightRule
{
    public const string Title = "A browser would not send a preflight";

    public static void Apply(PreflightReading reading, List<FindingDraft> findings)
    {
        if (reading.Context.BrowserSendsPreflight || reading.Exchange.Response is null)
        {
            return;
        }

        var method = reading.Method;
        var strict = ProfileJudgement.Subjects(reading.Probe.Profiles, p => p.AlwaysPreflights);
        string source;
        if (reading.Exchange.ActualRequest is not null)
        {
            var options = strict is null ? "the OPTIONS response is shown for reference" : $"the OPTIONS response is judged for {strict}, which requires it";
            source = $"CorsProbe sent the actual {method} too (headers only, body not read) and judged its response for browsers; {options}.";
        }
        else
        {
            var why = reading.ActualFailure is { } failure
                ? $"CorsProbe's actual {method} got no response ({failure.Description.TrimEnd('.')})"
                : $"CorsProbe never sends a {method} to your API";
            var anyway = strict is null ? string.Empty : $", which {strict} requires anyway";
            source = $"{why}, so it read them from the OPTIONS response{anyway}.";
        }

        findings.Add(reading.Draft(
            CorsFindingCodes.NoPreflightInBrowser,
            Title,
            FindingScope.Everyone,
            CorsSeverity.Info,
            $"A browser sends no preflight for {method} without CORS-unsafe headers; it only checks Access-Control-Allow-Origin (and -Credentials) on the actual response. {source}",
            "Make sure the actual response carries the same Access-Control-Allow-Origin as the OPTIONS response."));
    }
}

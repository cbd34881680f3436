using CorsProbing.Evaluation;

namespace CorsProbing.Reporting;

/// <summary>
/// An evaluated response the CORS check applies to, and which it is: the kind of request it answered, whether it is a
/// redirect browsers check before following it, and whether it came after a redirect.
/// </summary>
/// <param name="Evaluation">The evidence.</param>
/// <param name="Kind">The request it answered: the preflight (at the URL, or at a redirect's), the actual GET/HEAD, or a stand-in.</param>
/// <param name="Context">The request it answered: its URL and the origin it was sent from (<c>null</c> after a cross-origin redirect).</param>
/// <param name="AfterRedirect">It answered a request a redirect led to.</param>
internal readonly record struct CheckedResponse(ResponseEvaluation Evaluation, ExchangeKind Kind, CorsRequest Context, bool AfterRedirect = false)
{
    /// <summary>The responses whose CORS check a browser or a profile applies, in the order they are reported.</summary>
    public static IEnumerable<CheckedResponse> Of(MethodEvidence evidence)
    {
        if (!evidence.Preflight.IsAbsent)
        {
            yield return new(evidence.Preflight, ExchangeKind.Preflight, evidence.Context);
        }

        if (!evidence.Actual.IsAbsent)
        {
            yield return new(evidence.Actual, evidence.Context.FollowUp ?? ExchangeKind.ActualRequest, evidence.Context);
        }

        foreach (var hop in evidence.FollowUps.Redirects)
        {
            if (!hop.Evaluation.IsAbsent)
            {
                yield return new(hop.Evaluation, hop.Exchange.Kind, hop.Context, AfterRedirect: true);
            }
        }
    }

    /// <summary>A redirect browsers check before following it (the preflight itself is never followed).</summary>
    public bool IsRedirect => Kind != ExchangeKind.Preflight && Evaluation.Has(CorsChecks.Redirect);

    /// <summary>The answer to a preflight a browser does not send: only profiles that always preflight judge it.</summary>
    private bool IsUnsentPreflight => Kind == ExchangeKind.Preflight && !AfterRedirect && !Context.BrowserSendsPreflight;

    /// <summary>Whom findings on this response concern.</summary>
    public FindingScope Scope => Kind == ExchangeKind.Preflight && !AfterRedirect ? FindingScope.Preflight : FindingScope.ActualResponse;

    /// <summary>The response in words: "preflight response for PUT" (or "preflight response" without <paramref name="method"/>, where the finding names it).</summary>
    public string Subject(string? method) => (Kind, IsRedirect) switch
    {
        (_, true) => $"redirect ({Evaluation.Response.Status.ToString(CultureInfo.InvariantCulture)}) from {Context.RequestUri.OriginalString}",
        (ExchangeKind.Preflight, _) when AfterRedirect => $"preflight response from {Context.RequestUri.OriginalString}",
        (ExchangeKind.Preflight, _) => IsUnsentPreflight ? "response to OPTIONS" : method is null ? "preflight response" : $"preflight response for {method}",
        (ExchangeKind.StandIn, _) => "stand-in GET response",
        _ => $"actual {method} response",
    };

    /// <summary>The message, framed by which response it is about and whom it concerns.</summary>
    public string Frame(MethodEvidence evidence, string message)
    {
        if (IsRedirect || (AfterRedirect && Kind == ExchangeKind.Preflight))
        {
            return Hop(evidence) + message + OptionsOnlyNote(evidence);
        }

        return Kind switch
        {
            ExchangeKind.Preflight => IsUnsentPreflight ? "On the OPTIONS response: " + message + evidence.NoPreflightNote : message,
            ExchangeKind.ActualRequest => $"On the actual {evidence.Method} response: " + message + OptionsOnlyNote(evidence),
            _ => $"On a stand-in GET (CorsProbe never sends {evidence.Method}; a GET of the same URL shows the CORS headers the server adds to its responses): " + message
                + $" This is stand-in evidence: likely true of the actual {evidence.Method} response, not certain." + OptionsOnlyNote(evidence),
        };
    }

    // Findings on the responses after the preflight do not count for profiles that read only the OPTIONS answer.
    private static string OptionsOnlyNote(MethodEvidence evidence) =>
        ProfileJudgement.Subjects(evidence.Probe.Profiles, p => !p.JudgesActualResponses) is { } optionsOnly
            ? $" The check of {optionsOnly} only reads the OPTIONS response."
            : string.Empty;

    // Browsers apply the CORS check to every redirect they follow, and to the preflight they send after one.
    private string Hop(MethodEvidence evidence)
    {
        var what = IsRedirect
            ? $"On the redirect ({Evaluation.Response.Status.ToString(CultureInfo.InvariantCulture)}) of {Context.RequestUri.OriginalString}, which browsers check before following it"
            : $"On the preflight browsers send to {Context.RequestUri.OriginalString} after the redirect";
        var origin = Context.Origin == evidence.Context.Origin
            ? string.Empty
            : " (a cross-origin redirect made the request's origin `null`)";
        return $"{what}{origin}: ";
    }
}

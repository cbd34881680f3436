using System.Globalization;
using CorsProbing.Evaluation;
using CorsProbing.Requirements;

namespace CorsProbing.Reporting;

/// <summary>An evaluated response with its role: what the CORS check rules report on, once per response.</summary>
/// <param name="Evaluation">The evidence.</param>
/// <param name="Role">Which response it is.</param>
/// <param name="Context">The request it answered: its URL and the origin it was sent from (<c>null</c> after a cross-origin redirect).</param>
internal readonly record struct CheckedResponse(ResponseEvaluation Evaluation, ResponseRole Role, CorsRequest Context)
{
    /// <summary>The responses whose CORS check a browser or a profile applies, in the order they are reported.</summary>
    public static IEnumerable<CheckedResponse> Of(MethodEvidence evidence)
    {
        if (!evidence.Preflight.IsAbsent)
        {
            yield return new(evidence.Preflight, evidence.Context.BrowserSendsPreflight ? ResponseRole.Preflight : ResponseRole.UnsentPreflight, evidence.Context);
        }

        if (!evidence.Actual.IsAbsent)
        {
            yield return new(evidence.Actual, FollowUpRole(evidence.Actual, evidence.Context.FollowUp), evidence.Context);
        }

        foreach (var hop in evidence.FollowUps.Redirects)
        {
            if (!hop.Evaluation.IsAbsent)
            {
                yield return new(hop.Evaluation, hop.IsPreflight ? ResponseRole.RedirectPreflight : FollowUpRole(hop.Evaluation, hop.Context.FollowUp), hop.Context);
            }
        }
    }

    private static ResponseRole FollowUpRole(in ResponseEvaluation evaluation, ExchangeKind? kind) =>
        evaluation.Has(CorsChecks.Redirect) ? ResponseRole.Redirect : kind == ExchangeKind.StandIn ? ResponseRole.StandIn : ResponseRole.Actual;

    /// <summary>Whom findings on this response concern.</summary>
    public FindingScope Scope => Role is ResponseRole.Preflight or ResponseRole.UnsentPreflight ? FindingScope.Preflight : FindingScope.ActualResponse;

    /// <summary>The response in words: "preflight response for PUT".</summary>
    public string Subject(string method) => Role switch
    {
        ResponseRole.Preflight => $"preflight response for {method}",
        ResponseRole.UnsentPreflight => "response to OPTIONS",
        ResponseRole.StandIn => "stand-in GET response",
        ResponseRole.Redirect => $"redirect ({Evaluation.Response.Status.ToString(CultureInfo.InvariantCulture)}) from {Context.RequestUri.OriginalString}",
        ResponseRole.RedirectPreflight => $"preflight response from {Context.RequestUri.OriginalString}",
        _ => $"actual {method} response",
    };

    /// <summary>The message, framed by which response it is about and whom it concerns.</summary>
    public string Frame(MethodEvidence evidence, string message)
    {
        return Role switch
        {
            ResponseRole.Preflight => message,
            ResponseRole.UnsentPreflight => "On the OPTIONS response: " + message + evidence.NoPreflightNote,
            ResponseRole.Actual => $"On the actual {evidence.Method} response: " + message + OptionsOnlyNote(evidence),
            ResponseRole.Redirect or ResponseRole.RedirectPreflight => Hop(evidence) + message + OptionsOnlyNote(evidence),
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
        var what = Role == ResponseRole.Redirect
            ? $"On the redirect ({Evaluation.Response.Status.ToString(CultureInfo.InvariantCulture)}) of {Context.RequestUri.OriginalString}, which browsers check before following it"
            : $"On the preflight browsers send to {Context.RequestUri.OriginalString} after the redirect";
        var origin = Context.Origin == evidence.Context.Origin
            ? string.Empty
            : " (a cross-origin redirect made the request's origin `null`)";
        return $"{what}{origin}: ";
    }
}

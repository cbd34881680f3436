using CorsProbing.Evaluation;

namespace CorsProbing.Reporting;

/// <summary>An evaluated response with its role: what the CORS check rules report on, once per response.</summary>
/// <param name="Evaluation">The evidence.</param>
/// <param name="Role">Which response it is.</param>
internal readonly record struct JudgedResponse(ResponseEvaluation Evaluation, ResponseRole Role)
{
    /// <summary>The responses whose CORS check a browser or a profile applies, in the order they are reported.</summary>
    public static IEnumerable<JudgedResponse> Of(PreflightReading reading)
    {
        if (!reading.Preflight.IsAbsent)
        {
            yield return new(reading.Preflight, reading.Context.BrowserSendsPreflight ? ResponseRole.Preflight : ResponseRole.UnsentPreflight);
        }

        if (!reading.Actual.IsAbsent)
        {
            yield return new(reading.Actual, reading.Context.FollowUp == ExchangeKind.StandIn ? ResponseRole.StandIn : ResponseRole.Actual);
        }
    }

    /// <summary>Whom findings on this response concern.</summary>
    public FindingScope Scope => Role is ResponseRole.Actual or ResponseRole.StandIn ? FindingScope.ActualResponse : FindingScope.Preflight;

    /// <summary>The response in words: "preflight response for PUT".</summary>
    public string Subject(string method) => Role switch
    {
        ResponseRole.Preflight => $"preflight response for {method}",
        ResponseRole.UnsentPreflight => "response to OPTIONS",
        ResponseRole.StandIn => "stand-in GET response",
        _ => $"actual {method} response",
    };

    /// <summary>The message, framed by which response it is about and whom it concerns.</summary>
    public string Frame(PreflightReading reading, string message)
    {
        var optionsOnly = ProfileJudgement.Subjects(reading.Probe.Profiles, p => !p.JudgesActualResponses);
        var note = optionsOnly is null ? string.Empty : $" The check of {optionsOnly} only reads the OPTIONS response.";
        return Role switch
        {
            ResponseRole.UnsentPreflight => "On the OPTIONS response: " + message + reading.NoPreflightNote,
            ResponseRole.Actual => $"On the actual {reading.Method} response: " + message + note,
            ResponseRole.StandIn => $"On a stand-in GET (CorsProbe never sends {reading.Method}; a GET of the same URL shows the CORS headers the server adds to its responses): " + message
                + $" This is stand-in evidence: likely true of the actual {reading.Method} response, not certain." + note,
            _ => message,
        };
    }
}

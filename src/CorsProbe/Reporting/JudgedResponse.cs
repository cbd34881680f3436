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
        if (!reading.Actual.IsAbsent)
        {
            yield return new(reading.Preflight, ResponseRole.OptionsBesideActual);
            yield return new(reading.Actual, ResponseRole.Actual);
        }
        else if (!reading.Preflight.IsAbsent)
        {
            yield return new(reading.Preflight, reading.Context.BrowserSendsPreflight ? ResponseRole.Preflight : ResponseRole.StandIn);
        }
    }

    /// <summary>Whom findings on this response concern.</summary>
    public FindingScope Scope => Role switch
    {
        ResponseRole.Actual => FindingScope.ActualResponse,
        ResponseRole.StandIn => FindingScope.Everyone,
        _ => FindingScope.Preflight,
    };

    /// <summary>The response in words: "preflight response for PUT".</summary>
    public string Subject(string method) => Role switch
    {
        ResponseRole.Preflight => $"preflight response for {method}",
        ResponseRole.StandIn => $"response to OPTIONS (standing in for the actual {method} response)",
        ResponseRole.OptionsBesideActual => "response to OPTIONS",
        _ => $"actual {method} response",
    };

    /// <summary>The message, framed by which response it is about when there are two.</summary>
    public string Frame(PreflightReading reading, string message)
    {
        switch (Role)
        {
            case ResponseRole.OptionsBesideActual:
                return "On the OPTIONS response: " + message + reading.NoPreflightNote;
            case ResponseRole.Actual:
                var optionsOnly = ProfileJudgement.Subjects(reading.Probe.Profiles, p => !p.JudgesActualResponses);
                var note = optionsOnly is null ? string.Empty : $" The check of {optionsOnly} only reads the OPTIONS response.";
                return $"On the actual {reading.Method} response: " + message + note;
            default:
                return message;
        }
    }
}

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS108: the caller allowed only OPTIONS, so the response browsers judge after the preflight was not seen. For a
/// request browsers send without a preflight that is the only response they judge: the verdict for them is unverified.
/// </summary>
internal static class ActualResponseNotCheckedRule
{
    public const string Title = "Actual response not checked";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        var context = evidence.Context;
        if (context.SendsFollowUp || evidence.Preflight.IsAbsent || (context.BrowserSendsPreflight && !evidence.Preflight.PreflightPassesIn(context.Engines)))
        {
            return;
        }

        var (severity, message) = context.BrowserSendsPreflight
            ? (CorsSeverity.Info, $"Only OPTIONS was sent, as asked, so browsers' second check, of Access-Control-Allow-Origin on the actual {evidence.Method} response, was not made.")
            : (CorsSeverity.Warning, $"Only OPTIONS was sent, as asked, but browsers send no preflight for {evidence.Method} and judge only the actual response, which was not seen: the verdict for browsers is unverified.");
        findings.Add(evidence.Draft(
            CorsFindingCodes.ActualResponseNotChecked,
            Title,
            FindingScope.ActualResponse,
            severity,
            message,
            $"Let CorsProbe send the actual GET/HEAD, or a stand-in GET for other methods ({evidence.Probe.SettingNames.FollowUps}), or check the actual response yourself."));
    }
}

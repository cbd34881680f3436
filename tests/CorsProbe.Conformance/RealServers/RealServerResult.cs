namespace CorsProbing.Conformance.RealServers;

/// <summary>What live Chromium and CorsProbe made of one scenario.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Outcome">How the page's <c>fetch()</c> settled (<c>resolved</c>, <c>rejected</c>), or null when it never reported.</param>
/// <param name="ChromiumSentActual">Whether Chromium put the actual request on the wire (its NetLog), not only a preflight.</param>
/// <param name="Report">CorsProbe's report.</param>
public sealed record RealServerResult(RealServerScenario Scenario, string? Outcome, bool ChromiumSentActual, CorsReport Report)
{
    /// <summary>CorsProbe's report with <c>SendActualRequests()</c>: the actual request sent where Chromium sends it.</summary>
    public CorsReport? Certain { get; init; }

    /// <summary>Whether the report with the actual requests sent has Chromium's verdict.</summary>
    public bool CertainAgrees => Outcome is not null && Certain is not null
        && (Certain.VerdictFor(CorsProfile.Browser) == CorsVerdict.Allowed) == (Chromium == CorsVerdict.Allowed);

    /// <summary>
    /// Whether CorsProbe says browsers send the actual request: always when they send no preflight (a simple request
    /// reaches the server even when its response is then blocked), otherwise when the preflight passes.
    /// </summary>
    public bool SendsActual => Report.Preflights.All(p => !p.BrowserSendsPreflight || p.ActualRequest is not null);

    /// <summary>Whether CorsProbe agrees with Chromium on whether the actual request reached the server.</summary>
    public bool SendingAgrees => SendsActual == ChromiumSentActual;

    /// <summary>Chromium's verdict: Allowed when the fetch resolved.</summary>
    public CorsVerdict Chromium => Outcome == "resolved" ? CorsVerdict.Allowed : CorsVerdict.Denied;

    /// <summary>Whether CorsProbe's Browser verdict is Inconclusive: it says it cannot tell, which is neither agreement nor a difference.</summary>
    public bool Inconclusive => Report.VerdictFor(CorsProfile.Browser) == CorsVerdict.Inconclusive;

    /// <summary>Whether CorsProbe's Browser verdict equals Chromium's (an unreachable target counts as denied); never when inconclusive.</summary>
    public bool BrowserAgrees => Outcome is not null && !Inconclusive && (Report.VerdictFor(CorsProfile.Browser) == CorsVerdict.Allowed) == (Chromium == CorsVerdict.Allowed);

    /// <summary>Whether CorsProbe's Browser verdict differs from Chromium's: a decided verdict that is not Chromium's.</summary>
    public bool BrowserDiffers => !Inconclusive && !BrowserAgrees;

    /// <summary>Whether CorsProbe's Browser verdict rests on a stand-in GET (likely, not certain).</summary>
    public bool OnStandIn => Report.Preflights.Any(p => p.Evidence.HasFlag(CorsEvidence.StandIn));

    /// <summary>The mismatch, with the report.</summary>
    public string Describe() =>
        $"{Scenario}: Chromium fetch {Outcome ?? "missing"} (actual request {(ChromiumSentActual ? "sent" : "not sent")}, CorsProbe says {(SendsActual ? "sent" : "not sent")}), CorsProbe Browser profile {Report.VerdictFor(CorsProfile.Browser)}{(OnStandIn ? " (on a stand-in GET)" : string.Empty)}{Environment.NewLine}{Report}";
}

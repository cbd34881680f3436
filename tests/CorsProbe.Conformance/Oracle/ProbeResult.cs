namespace CorsProbing.Conformance.Oracle;

/// <summary>What CorsProbe concluded for one case, and the preflight it put on the wire.</summary>
/// <param name="Report">The report.</param>
/// <param name="RequestMethod">The <c>Access-Control-Request-Method</c> the server received from CorsProbe.</param>
/// <param name="RequestHeaders">The <c>Access-Control-Request-Headers</c> the server received from CorsProbe.</param>
public sealed record ProbeResult(CorsReport Report, string? RequestMethod, string? RequestHeaders)
{
    /// <summary>The Browser profile says the request goes through.</summary>
    public bool Allowed => Report.VerdictFor(CorsProfile.Browser) == CorsVerdict.Allowed;

    /// <summary>CorsProbe's opinion on whether a browser sends a preflight.</summary>
    public bool PreflightSent => Report.Preflights[0].BrowserSendsPreflight;

    /// <summary>The finding codes, for the conformance table.</summary>
    public string Codes => string.Join(" ", Report.Findings.Select(f => f.Code).Distinct());
}

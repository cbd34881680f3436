namespace CorsProbing.Conformance.Malformed;

/// <summary>One malformed case in one shape, as Chromium and CorsProbe saw it.</summary>
/// <param name="Case">The case.</param>
/// <param name="Browser">What Chromium did.</param>
/// <param name="Report">CorsProbe's report on the same bytes.</param>
/// <param name="Elapsed">How long CorsProbe's probe took.</param>
public sealed record MalformedComparison(MalformedCase Case, MalformedObservation Browser, CorsReport Report, TimeSpan Elapsed)
{
    /// <summary>CorsProbe's Browser profile says the call goes through.</summary>
    public bool ProbeAllowed => Report.VerdictFor(CorsProfile.Browser) == CorsVerdict.Allowed;

    /// <summary>The two verdicts agree.</summary>
    public bool Agrees => Browser.Allowed == ProbeAllowed;

    /// <summary>The finding codes, for the table.</summary>
    public string Codes => string.Join(" ", Report.Findings.Select(f => f.Code).Distinct());

    /// <inheritdoc />
    public override string ToString() =>
        $"{Case} ({Browser.Shape}): Chromium {Browser.Outcome}, CorsProbe's Browser profile {Report.VerdictFor(CorsProfile.Browser)} [{Codes}]{Environment.NewLine}{Report}";
}

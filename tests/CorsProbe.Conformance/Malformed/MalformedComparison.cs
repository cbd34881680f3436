namespace CorsProbing.Conformance.Malformed;

/// <summary>One malformed case in one shape, as an engine and CorsProbe saw it.</summary>
/// <param name="Engine">The engine.</param>
/// <param name="Case">The case.</param>
/// <param name="Browser">What the engine did.</param>
/// <param name="Report">CorsProbe's report on the same bytes.</param>
/// <param name="Elapsed">How long CorsProbe's probe took.</param>
public sealed record MalformedComparison(Oracle.Engine Engine, MalformedCase Case, MalformedObservation Browser, CorsReport Report, TimeSpan Elapsed) : Oracle.IAgreement
{
    /// <summary>CorsProbe's profile of the engine says the call goes through.</summary>
    public bool ProbeAllowed => Report.VerdictFor(Oracle.EngineProfiles.Of(Engine)) == CorsVerdict.Allowed;

    /// <summary>The two verdicts agree.</summary>
    public bool Agrees => Browser.Allowed == ProbeAllowed;

    /// <summary>The finding codes, for the table.</summary>
    public string Codes => string.Join(" ", Report.Findings.Select(f => f.Code).Distinct());

    /// <inheritdoc />
    public override string ToString() =>
        $"{Case} ({Browser.Shape}): {Engine} {Browser.Outcome}, CorsProbe's {Engine} profile {Report.VerdictFor(Oracle.EngineProfiles.Of(Engine))} [{Codes}]{Environment.NewLine}{Report}";
}

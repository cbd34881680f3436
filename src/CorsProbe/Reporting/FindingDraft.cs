namespace CorsProbing.Reporting;

/// <summary>A finding before the report's profile is known: its severity under each built-in profile.</summary>
internal sealed record FindingDraft(
    string Code,
    string? Method,
    CorsSeverity Browser,
    CorsSeverity Galxe,
    string Message,
    string? Remedy)
{
    /// <summary>The severity under <paramref name="profile"/>.</summary>
    public CorsSeverity SeverityUnder(CorsProfile profile) => profile == CorsProfile.Galxe ? Galxe : Browser;

    /// <summary>The public finding, with severities seen from <paramref name="profile"/>.</summary>
    public CorsFinding ToFinding(CorsProfile profile) => new(Code, profile, Browser, Galxe, Message, Remedy, Method);
}

namespace CorsProbing.Reporting;

/// <summary>A finding before profiles judge it: what a rule saw, and the scope each profile's severity derives from.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Title">The code's fixed title.</param>
/// <param name="Method">The required method it is about, or <see langword="null"/> for the whole probe.</param>
/// <param name="Scope">What it is about, for the profiles.</param>
/// <param name="Severity">The severity where it counts.</param>
/// <param name="Message">What was seen, with the actual values.</param>
/// <param name="Remedy">What to change, or <see langword="null"/>.</param>
internal sealed record FindingDraft(string Code, string Title, string? Method, FindingScope Scope, CorsSeverity Severity, string Message, string? Remedy)
{
    /// <summary>For <see cref="FindingScope.Preflight"/> and <see cref="FindingScope.AllowHeaders"/>: whether a browser sends the preflight.</summary>
    public bool BrowserSendsPreflight { get; init; } = true;

    /// <summary>The engines whose requests it concerns: all, or those that send the preflight it was found in.</summary>
    public EngineSet Engines { get; init; } = EngineSet.All;

    /// <summary>
    /// What it is about beyond its code, method and scope, where two engine groups word a finding about the same thing
    /// differently (each names the header list its own preflight asked for); null when the message says it.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>For <see cref="FindingScope.Port"/>: the URL's port.</summary>
    public int Port { get; init; }

    /// <summary>For <see cref="FindingScope.Duration"/>: how long the answer took.</summary>
    public TimeSpan Elapsed { get; init; }
}

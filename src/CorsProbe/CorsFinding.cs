using CorsProbing.Reporting;

namespace CorsProbing;

/// <summary>One check's result worth reporting: a failure, a warning or a note, with its explanation and remedy.</summary>
public sealed class CorsFinding
{
    internal CorsFinding(
        string code,
        string title,
        string? method,
        string message,
        string? remedy,
        IReadOnlyList<CorsProfile> profiles,
        IReadOnlyList<CorsSeverity> severities,
        CorsProfile profile,
        IReadOnlyList<BrowserEngine> engines)
    {
        Code = code;
        Title = title;
        Method = method;
        Message = message;
        Remedy = remedy;
        Profiles = profiles;
        Severities = severities;
        Severity = SeverityUnder(profile);
        Engines = engines;
    }

    /// <summary>The stable code, such as <c>CORS011</c>; see <see cref="CorsFindingCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The severity under the report's profile.</summary>
    public CorsSeverity Severity { get; }

    /// <summary>A short, fixed title for the code, such as "Method not allowed".</summary>
    public string Title { get; }

    /// <summary>What was seen, with the actual values (for example which header lists what).</summary>
    public string Message { get; }

    /// <summary>What to change on the server, or <see langword="null"/> when nothing needs changing.</summary>
    public string? Remedy { get; }

    /// <summary>
    /// The method whose preflight this is about (<c>PUT</c>), the methods joined with ", " when it is about the same thing
    /// for several (<c>GET, PUT</c>: the same header missing from each preflight), or <see langword="null"/> when it
    /// concerns the whole probe.
    /// </summary>
    public string? Method { get; }

    /// <summary>The methods it is about, in the order required; empty when it concerns the whole probe.</summary>
    public IReadOnlyList<string> Methods => Method is null ? [] : Method.Split(Reporting.MethodFindings.Separator);

    /// <summary>
    /// The engines whose requests it concerns: all three (<see cref="BrowserEngine.All"/>), or those it was found for,
    /// where the engines send different requests (a header only some forbid or safelist) or read the same answer
    /// differently (a head only some refuse). The report's text names them ("Firefox and Safari block: …").
    /// </summary>
    public IReadOnlyList<BrowserEngine> Engines { get; }

    /// <summary>The profiles judged, in the order of <see cref="Severities"/>.</summary>
    internal IReadOnlyList<CorsProfile> Profiles { get; }

    /// <summary>The severity under each of <see cref="Profiles"/>.</summary>
    internal IReadOnlyList<CorsSeverity> Severities { get; }

    /// <summary>The severity of this finding under <paramref name="profile"/>, one of the profiles its report judged.</summary>
    /// <param name="profile">A profile of <see cref="CorsReport.Profiles"/>.</param>
    /// <returns>The severity that profile gives it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The report did not judge <paramref name="profile"/>.</exception>
    public CorsSeverity SeverityUnder(CorsProfile profile) => Severities[ProfileIndex.Of(Profiles, profile)];

    /// <summary>
    /// How the report's text opens the message of a finding about some engines only: "Firefox and Safari block: " when
    /// it fails the call in browsers, "In Firefox: " otherwise; empty for a finding about every engine.
    /// </summary>
    internal string EngineLead
    {
        get
        {
            if (Engines.Count == BrowserEngine.All.Count)
            {
                return string.Empty;
            }

            var browsers = EngineSet.Of(Engines).Browsers;
            if (!Profiles.Contains(CorsProfile.Browser) || SeverityUnder(CorsProfile.Browser) != CorsSeverity.Error)
            {
                return $"In {browsers}: ";
            }

            return Engines.Count == 1 && !browsers.Contains(" and ", StringComparison.Ordinal) ? $"{browsers} blocks: " : $"{browsers} block: ";
        }
    }

    /// <summary>One line: <c>CORS011 Error [PUT] Method not allowed: ...</c>, the engines named when it concerns only some.</summary>
    /// <returns>The finding as text.</returns>
    public override string ToString() =>
        Method is null ? $"{Code} {Severity} {Title}: {EngineLead}{Message}" : $"{Code} {Severity} [{Method}] {Title}: {EngineLead}{Message}";
}

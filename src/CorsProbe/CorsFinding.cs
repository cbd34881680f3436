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
        CorsProfile profile)
    {
        Code = code;
        Title = title;
        Method = method;
        Message = message;
        Remedy = remedy;
        Profiles = profiles;
        Severities = severities;
        Severity = SeverityUnder(profile);
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

    /// <summary>The method whose preflight this is about, or <see langword="null"/> when it concerns the whole probe.</summary>
    public string? Method { get; }

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

    /// <summary>One line: <c>CORS011 Error [PUT] Method not allowed: ...</c>.</summary>
    /// <returns>The finding as text.</returns>
    public override string ToString() =>
        Method is null ? $"{Code} {Severity} {Title}: {Message}" : $"{Code} {Severity} [{Method}] {Title}: {Message}";
}

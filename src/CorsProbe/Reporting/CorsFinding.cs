namespace CorsProbing;

/// <summary>One check's result worth reporting: a failure, a warning or a note, with its explanation and remedy.</summary>
public sealed class CorsFinding
{
    private readonly CorsSeverity _browserSeverity;
    private readonly CorsSeverity _galxeSeverity;

    internal CorsFinding(
        string code,
        CorsProfile profile,
        CorsSeverity browserSeverity,
        CorsSeverity galxeSeverity,
        string message,
        string? remedy,
        string? method)
    {
        Code = code;
        _browserSeverity = browserSeverity;
        _galxeSeverity = galxeSeverity;
        Severity = SeverityUnder(profile);
        Title = FindingTitles.For(code);
        Message = message;
        Remedy = remedy;
        Method = method;
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

    /// <summary>The severity of this finding under <paramref name="profile"/>.</summary>
    /// <param name="profile">A built-in profile.</param>
    /// <returns>The severity that profile gives it.</returns>
    public CorsSeverity SeverityUnder(CorsProfile profile) =>
        profile == CorsProfile.Galxe ? _galxeSeverity : _browserSeverity;

    /// <summary>One line: <c>CORS011 Error [PUT] Method not allowed: ...</c>.</summary>
    /// <returns>The finding as text.</returns>
    public override string ToString() =>
        Method is null ? $"{Code} {Severity} {Title}: {Message}" : $"{Code} {Severity} [{Method}] {Title}: {Message}";
}

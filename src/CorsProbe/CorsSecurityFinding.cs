namespace CorsProbing;

/// <summary>
/// A misconfiguration the audit (<see cref="CorsProbeBuilder.Audit"/>) found: which crafted origin was accepted, the
/// response that proves it, how dangerous it is and how to fix it. All are CWE-942 (permissive cross-domain policy).
/// </summary>
public sealed class CorsSecurityFinding
{
    internal CorsSecurityFinding(string code, string title, CorsRisk risk, string message, string remedy, string? acceptedOrigin, string evidence)
    {
        Code = code;
        Risk = risk;
        Title = title;
        Message = message;
        Remedy = remedy;
        AcceptedOrigin = acceptedOrigin;
        Evidence = evidence;
    }

    /// <summary>The stable code, such as <c>CORS202</c>; see <see cref="CorsFindingCodes"/>.</summary>
    public string Code { get; }

    /// <summary>How dangerous it is, given credentials and status.</summary>
    public CorsRisk Risk { get; }

    /// <summary>A short, fixed title for the code.</summary>
    public string Title { get; }

    /// <summary>What was seen, naming the accepted origin.</summary>
    public string Message { get; }

    /// <summary>What to change on the server.</summary>
    public string Remedy { get; }

    /// <summary>The crafted origin the server accepted, or <see langword="null"/> when the finding is not about one origin.</summary>
    public string? AcceptedOrigin { get; }

    /// <summary>The response that shows it: status and the CORS headers, as received.</summary>
    public string Evidence { get; }

    /// <summary>The weakness class: always <c>CWE-942</c>, "Permissive Cross-domain Policy with Untrusted Domains".</summary>
    public string Cwe { get; } = "CWE-942";

    /// <summary>One line: <c>CORS202 Critical Reflects any origin with credentials: ...</c>.</summary>
    /// <returns>The finding as text.</returns>
    public override string ToString() => $"{Code} {Risk} {Title}: {Message}";
}

namespace CorsProbing;

/// <summary>
/// How dangerous a <see cref="CorsSecurityFinding"/> is, considering credentials and status: a permissive origin check
/// that also allows credentials exposes users' private data; without credentials only what anyone could fetch anyway.
/// </summary>
public enum CorsRisk
{
    /// <summary>Worth fixing, little exposure: no credentials, or an error status with nothing behind it.</summary>
    Low = 0,

    /// <summary>A broken origin check without credentials, or a trust that is often intended but risky.</summary>
    Medium = 1,

    /// <summary>An attacker-controllable origin is trusted with credentials.</summary>
    High = 2,

    /// <summary>Every origin is trusted with credentials: any web page can act as the logged-in user and read the answers.</summary>
    Critical = 3,
}

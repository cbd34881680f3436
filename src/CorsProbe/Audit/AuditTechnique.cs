namespace CorsProbing.Audit;

/// <summary>How a crafted origin tries to get past an origin check; each has its own finding code.</summary>
internal enum AuditTechnique
{
    /// <summary>A random origin nobody allow-lists: accepted means any origin is.</summary>
    ArbitraryOrigin,

    /// <summary>The opaque origin <c>null</c> (sandboxed iframes, <c>data:</c> URLs, some redirects).</summary>
    NullOrigin,

    /// <summary>The trusted host as a prefix of an attacker's host: a check with <c>startsWith</c> or no end anchor.</summary>
    Prefix,

    /// <summary>An attacker's host ending with the trusted domain: a check with <c>endsWith</c> and no dot.</summary>
    Suffix,

    /// <summary>The trusted host's first dot replaced by a letter: a regular expression with an unescaped dot.</summary>
    UnescapedDot,

    /// <summary>A subdomain of the trusted host: trusted subdomains make any subdomain takeover or XSS a way in.</summary>
    Subdomain,

    /// <summary>The trusted host over <c>http:</c>: anyone on the network path can inject script into that origin.</summary>
    InsecureScheme,

    /// <summary>The trusted host followed by a special character and an attacker's domain.</summary>
    SpecialCharacter,

    /// <summary>A host where anyone can publish pages (<c>github.io</c>, <c>codepen.io</c>, <c>jsfiddle.net</c>).</summary>
    ThirdParty,

    /// <summary>An invented method, and an invented header with the first method, from the configured origin: reflected lists allow everything.</summary>
    ReflectedLists,

    /// <summary>An origin the caller said must be rejected (<see cref="CorsProbeBuilder.RejectOrigins"/>).</summary>
    Rejected,
}

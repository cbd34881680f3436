namespace CorsProbing.Conformance.Cases;

/// <summary>Where the case's page runs: the origin the browser puts in <c>Origin</c>.</summary>
public enum CaseOrigin
{
    /// <summary><c>https://dashboard.galxe.com</c>: the platform's dashboard.</summary>
    Galxe,

    /// <summary><c>http://localhost:8123</c>: a developer's local front end.</summary>
    Localhost,

    /// <summary><c>null</c>: a sandboxed iframe (an opaque origin).</summary>
    Opaque,
}

/// <summary>The serialized origins of <see cref="CaseOrigin"/>.</summary>
public static class CaseOrigins
{
    /// <summary>The port of the localhost origin; the browser reaches it through a host-resolver rule.</summary>
    public const int LocalhostPort = 8123;

    /// <summary>The <c>Origin</c> header value for <paramref name="origin"/>.</summary>
    public static string Serialize(CaseOrigin origin) => origin switch
    {
        CaseOrigin.Galxe => "https://dashboard.galxe.com",
        CaseOrigin.Localhost => $"http://localhost:{LocalhostPort}",
        _ => "null",
    };
}

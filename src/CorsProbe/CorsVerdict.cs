namespace CorsProbing;

/// <summary>The answer a profile gives for a probe.</summary>
public enum CorsVerdict
{
    /// <summary>The target's CORS configuration lets the origin make every required request.</summary>
    Allowed = 0,

    /// <summary>The target answered, and its answer blocks at least one required request.</summary>
    Denied = 1,

    /// <summary>No usable answer arrived: DNS, connection, TLS failure or timeout (<c>CORS001</c>, <c>CORS002</c>), an answer browsers refuse as malformed (<c>CORS019</c>), or the network policy refused the target's address (<c>CORS016</c>).</summary>
    Unreachable = 2,
}

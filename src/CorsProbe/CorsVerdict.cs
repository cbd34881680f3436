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

    /// <summary>
    /// Nothing browsers would see decides a required request (<c>CORS021</c>): browsers send it without a preflight,
    /// the OPTIONS answer grants nothing, and the stand-in GET CorsProbe sends instead of the method got an answer that
    /// cannot speak for the method's route (404, 405, 501; 401 or 403 where the page sends credentials or
    /// <c>Authorization</c>). The report says what would settle it. Not <see cref="CorsReport.IsAllowed"/>.
    /// </summary>
    Inconclusive = 3,
}

namespace CorsProbing.Reporting;

/// <summary>Which response a CORS check finding is about, and so whom it concerns.</summary>
internal enum ResponseRole
{
    /// <summary>The answer to a preflight a browser sends.</summary>
    Preflight = 0,

    /// <summary>The OPTIONS answer standing in for an actual response CorsProbe could not judge (a POST, or no answer).</summary>
    StandIn = 1,

    /// <summary>The OPTIONS answer for a request browsers send without a preflight, beside the judged actual response.</summary>
    OptionsBesideActual = 2,

    /// <summary>The response to the actual GET/HEAD.</summary>
    Actual = 3,
}

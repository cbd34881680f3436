namespace CorsProbing.Reporting;

/// <summary>Which response a CORS check finding is about, and so whom it concerns.</summary>
internal enum ResponseRole
{
    /// <summary>The answer to a preflight a browser sends.</summary>
    Preflight = 0,

    /// <summary>The OPTIONS answer for a request browsers send without a preflight: only profiles that always preflight judge it.</summary>
    UnsentPreflight = 1,

    /// <summary>The response to the actual GET/HEAD.</summary>
    Actual = 2,

    /// <summary>The response to the stand-in GET for a method CorsProbe never sends.</summary>
    StandIn = 3,

    /// <summary>A redirect of a request after the preflight, which browsers check before following it.</summary>
    Redirect = 4,

    /// <summary>The answer to the preflight browsers send at a redirect's URL.</summary>
    RedirectPreflight = 5,
}

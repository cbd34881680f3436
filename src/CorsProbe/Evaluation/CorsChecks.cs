namespace CorsProbing.Evaluation;

/// <summary>The checks of one preflight response that failed (or raised a warning), as a set of flags.</summary>
[Flags]
internal enum CorsChecks
{
    /// <summary>Nothing to report.</summary>
    None = 0,

    /// <summary>CORS004: a 301/302/303/307/308 with a non-empty <c>Location</c>.</summary>
    Redirect = 1 << 0,

    /// <summary>CORS004: the caller's handler followed a redirect (the response belongs to another URL).</summary>
    RedirectFollowed = 1 << 1,

    /// <summary>CORS005.</summary>
    AllowOriginMissing = 1 << 2,

    /// <summary>CORS006.</summary>
    AllowOriginMultiple = 1 << 3,

    /// <summary>CORS007.</summary>
    AllowOriginMismatch = 1 << 4,

    /// <summary>CORS008.</summary>
    WildcardWithCredentials = 1 << 5,

    /// <summary>CORS009.</summary>
    AllowCredentials = 1 << 6,

    /// <summary>CORS003.</summary>
    Status = 1 << 7,

    /// <summary>CORS010.</summary>
    InvalidAllowMethods = 1 << 8,

    /// <summary>CORS012.</summary>
    InvalidAllowHeaders = 1 << 9,

    /// <summary>CORS011.</summary>
    MethodNotAllowed = 1 << 10,

    /// <summary>CORS013.</summary>
    HeaderNotAllowed = 1 << 11,

    /// <summary>CORS014: allowed only because GET/HEAD/POST are safelisted; not listed.</summary>
    MethodOnlySafelisted = 1 << 12,

    /// <summary>CORS101: <c>*</c> in <c>Access-Control-Allow-Headers</c> covers <c>Authorization</c> only by browser leniency.</summary>
    AuthorizationByWildcard = 1 << 13,

    /// <summary>CORS103: a specific origin is echoed without <c>Vary: Origin</c>.</summary>
    MissingVaryOrigin = 1 << 14,

    /// <summary>
    /// With <see cref="AllowCredentials"/>: <c>Access-Control-Allow-Credentials</c> is <c>true</c> on one line and empty on
    /// the others, which engines that leave out empty lines when joining (Firefox) accept.
    /// </summary>
    AllowCredentialsApartFromEmptyLines = 1 << 15,

    /// <summary>The checks that fail the CORS check proper (origin and credentials).</summary>
    CorsCheck = AllowOriginMissing | AllowOriginMultiple | AllowOriginMismatch | WildcardWithCredentials | AllowCredentials,
}

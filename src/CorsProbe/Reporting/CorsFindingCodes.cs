namespace CorsProbing;

/// <summary>
/// The stable codes of <see cref="CorsFinding.Code"/>. A code never changes meaning once published; new checks get
/// new codes. <c>CORS0xx</c> are failures, <c>CORS1xx</c> warnings and notes.
/// </summary>
public static class CorsFindingCodes
{
    /// <summary>The target is unreachable: DNS failure, connection refused or reset, TLS failure, malformed response.</summary>
    public const string Unreachable = "CORS001";

    /// <summary>The preflight timed out (or took longer than the profile allows).</summary>
    public const string Timeout = "CORS002";

    /// <summary>The preflight's status is not an ok status (200-299).</summary>
    public const string PreflightStatus = "CORS003";

    /// <summary>The preflight was redirected; browsers never follow redirects for preflights.</summary>
    public const string Redirect = "CORS004";

    /// <summary><c>Access-Control-Allow-Origin</c> is missing.</summary>
    public const string AllowOriginMissing = "CORS005";

    /// <summary><c>Access-Control-Allow-Origin</c> has multiple values.</summary>
    public const string AllowOriginMultiple = "CORS006";

    /// <summary><c>Access-Control-Allow-Origin</c> does not match the origin.</summary>
    public const string AllowOriginMismatch = "CORS007";

    /// <summary>The wildcard <c>*</c> origin was sent to a request with credentials.</summary>
    public const string WildcardWithCredentials = "CORS008";

    /// <summary><c>Access-Control-Allow-Credentials</c> is not exactly <c>true</c> while credentials are included.</summary>
    public const string AllowCredentials = "CORS009";

    /// <summary><c>Access-Control-Allow-Methods</c> is malformed.</summary>
    public const string InvalidAllowMethods = "CORS010";

    /// <summary>The method is not allowed.</summary>
    public const string MethodNotAllowed = "CORS011";

    /// <summary><c>Access-Control-Allow-Headers</c> is malformed.</summary>
    public const string InvalidAllowHeaders = "CORS012";

    /// <summary>A request header is not allowed.</summary>
    public const string HeaderNotAllowed = "CORS013";

    /// <summary>The method is allowed only because it is CORS-safelisted; it is not listed (an error under Galxe).</summary>
    public const string MethodNotListed = "CORS014";

    /// <summary>The URL uses a port other than 80 or 443 (an error under Galxe).</summary>
    public const string NonStandardPort = "CORS015";

    /// <summary>The target resolves to an address the network policy refuses (loopback, private, metadata, ...): no request was sent.</summary>
    public const string TargetAddressNotAllowed = "CORS016";

    /// <summary><c>*</c> in <c>Access-Control-Allow-Headers</c> covers <c>Authorization</c> only by browser leniency.</summary>
    public const string AuthorizationCoveredByWildcard = "CORS101";

    /// <summary>A browser would not send a preflight for this request.</summary>
    public const string NoPreflightInBrowser = "CORS102";

    /// <summary>A specific origin is echoed without <c>Vary: Origin</c>.</summary>
    public const string MissingVaryOrigin = "CORS103";

    /// <summary><c>Access-Control-Max-Age</c> is missing, invalid or capped.</summary>
    public const string MaxAge = "CORS104";

    /// <summary>The Browser and Galxe profiles reach different verdicts.</summary>
    public const string ProfilesDisagree = "CORS105";
}

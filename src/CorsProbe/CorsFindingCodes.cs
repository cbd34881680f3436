namespace CorsProbing;

/// <summary>
/// The stable codes of <see cref="CorsFinding.Code"/>. A code never changes meaning once published; new checks get
/// new codes. <c>CORS0xx</c> are failures, <c>CORS1xx</c> warnings and notes, <c>CORS2xx</c> the audit's security findings
/// (<see cref="CorsReport.SecurityFindings"/>).
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

    /// <summary>The method is allowed only because it is CORS-safelisted; it is not listed (an error under profiles that require listed methods).</summary>
    public const string MethodNotListed = "CORS014";

    /// <summary>The URL uses a port a judged profile does not accept (browsers accept any).</summary>
    public const string NonStandardPort = "CORS015";

    /// <summary>The target resolves to an address the network policy refuses (loopback, private, metadata, ...): no request was sent.</summary>
    public const string TargetAddressNotAllowed = "CORS016";

    /// <summary>An origin the caller said must be rejected (<see cref="CorsProbeBuilder.RejectOrigins"/>) is allowed.</summary>
    public const string RejectedOriginAllowed = "CORS017";

    /// <summary>Browsers stop at a redirect of the request after the preflight: a bad <c>Location</c>, too many redirects, or a failing preflight at the new URL.</summary>
    public const string RedirectStops = "CORS018";

    /// <summary>A response arrived, but browsers refuse its bytes (a NUL byte, two different <c>Content-Length</c> values, a head over 256 KiB, ...).</summary>
    public const string MalformedResponse = "CORS019";

    /// <summary>
    /// An input of a batch (<see cref="CorsProbe.ProbeManyAsync(CorsProbeBuilder, IEnumerable{string}, CorsBatchOptions, CancellationToken)"/>)
    /// is not an absolute http(s) URL: its report says why, and nothing was sent for it.
    /// </summary>
    public const string InvalidUrl = "CORS020";

    /// <summary>
    /// The verdict for a method is <see cref="CorsVerdict.Inconclusive"/>: browsers send it without a preflight, the
    /// OPTIONS answer grants nothing, and the stand-in GET got an answer that cannot speak for the method's route.
    /// </summary>
    public const string StandInInconclusive = "CORS021";

    /// <summary><c>*</c> in <c>Access-Control-Allow-Headers</c> covers <c>Authorization</c> only by browser leniency.</summary>
    public const string AuthorizationCoveredByWildcard = "CORS101";

    /// <summary>A browser would not send a preflight for this request.</summary>
    public const string NoPreflightInBrowser = "CORS102";

    /// <summary>The origin is echoed without <c>Vary: Origin</c> while other origins (the audit's, <see cref="CorsProbeBuilder.RejectOrigins"/>) get another value.</summary>
    public const string MissingVaryOrigin = "CORS103";

    /// <summary><c>Access-Control-Max-Age</c> is missing, invalid or capped.</summary>
    public const string MaxAge = "CORS104";

    /// <summary>A judged profile reaches another verdict than the Browser profile.</summary>
    public const string ProfilesDisagree = "CORS105";

    /// <summary>Audit note: every origin may read responses without credentials (<c>*</c>); not a vulnerability.</summary>
    public const string WildcardOrigin = "CORS106";

    /// <summary>Audit note: some audit requests got no answer, so their origins are untested.</summary>
    public const string AuditIncomplete = "CORS107";

    /// <summary>Only OPTIONS was sent (<see cref="CorsProbeBuilder.WithoutActualRequests"/>): browsers' check of the actual response was not made.</summary>
    public const string ActualResponseNotChecked = "CORS108";

    /// <summary>Note: the request after the preflight was redirected; CorsProbe followed each redirect as <c>fetch()</c> does.</summary>
    public const string RedirectsFollowed = "CORS109";

    /// <summary>Browsers accept a response that strict HTTP parsers (.NET's among them) refuse or read differently: an odd status line, a dropped line, a bare CR, ...</summary>
    public const string LenientResponse = "CORS110";

    /// <summary>Note: some engines drop a header the script sets (<c>User-Agent</c> in Chromium): their request goes without it.</summary>
    public const string HeaderDroppedByEngine = "CORS111";

    /// <summary>Security (audit): any origin is echoed, without credentials.</summary>
    public const string ReflectsAnyOrigin = "CORS201";

    /// <summary>Security (audit): any origin is echoed with <c>Access-Control-Allow-Credentials: true</c> (critical).</summary>
    public const string ReflectsAnyOriginWithCredentials = "CORS202";

    /// <summary>Security (audit): the opaque origin <c>null</c> is trusted.</summary>
    public const string TrustsNullOrigin = "CORS203";

    /// <summary>Security (audit): an attacker's domain starting with the trusted host is accepted.</summary>
    public const string PrefixBypass = "CORS204";

    /// <summary>Security (audit): an attacker's domain ending with the trusted domain is accepted.</summary>
    public const string SuffixBypass = "CORS205";

    /// <summary>Security (audit): the trusted host with a dot replaced by a letter is accepted (unescaped regex dot).</summary>
    public const string UnescapedDotBypass = "CORS206";

    /// <summary>Security (audit): every subdomain of the trusted host is trusted.</summary>
    public const string SubdomainTrusted = "CORS207";

    /// <summary>Security (audit): the trusted host followed by a special character and another domain is accepted.</summary>
    public const string SpecialCharacterBypass = "CORS208";

    /// <summary>Security (audit): the trusted host over <c>http:</c> is trusted by an <c>https:</c> API.</summary>
    public const string InsecureOriginTrusted = "CORS209";

    /// <summary>Security (audit): a shared hosting origin (<c>github.io</c>, <c>codepen.io</c>, <c>jsfiddle.net</c>) is trusted.</summary>
    public const string ThirdPartyOriginTrusted = "CORS210";

    /// <summary>Security (audit): <c>Access-Control-Allow-Methods</c>/<c>-Headers</c> list whatever the preflight requests.</summary>
    public const string ReflectsRequestedLists = "CORS211";

    /// <summary>Security (audit): <c>Access-Control-Allow-Origin</c> depends on the origin, without <c>Vary: Origin</c> (cache poisoning).</summary>
    public const string DynamicOriginWithoutVary = "CORS212";

    /// <summary>Security (audit): <c>*</c> with <c>Access-Control-Allow-Credentials: true</c> (refused by browsers; shows intent).</summary>
    public const string WildcardWithCredentialsAttempted = "CORS213";
}

namespace CorsProbing.Serialization;

/// <summary>
/// What SARIF says of each finding code as a rule: its name (the <see cref="CorsFindingCodes"/> constant) and what it
/// means. Every code has an entry (a test holds the two together).
/// </summary>
internal static class SarifRules
{
    /// <summary>The README's table of codes, which each rule links to.</summary>
    public const string FindingCodesUri = "https://github.com/corsprobe/CorsProbe#finding-codes";

    /// <summary>The README's table of the audit's security findings.</summary>
    public const string AuditUri = "https://github.com/corsprobe/CorsProbe#auditing-a-cors-setup";

    private static readonly Dictionary<string, (string Name, string Meaning)> Rules = new(StringComparer.Ordinal)
    {
        ["CORS001"] = ("Unreachable", "The target is unreachable: DNS failure, connection refused or reset, TLS failure, malformed response."),
        ["CORS002"] = ("Timeout", "The preflight timed out (or took longer than the profile allows)."),
        ["CORS003"] = ("PreflightStatus", "The preflight's status is not an ok status (200-299)."),
        ["CORS004"] = ("Redirect", "The preflight was redirected; browsers never follow redirects for preflights."),
        ["CORS005"] = ("AllowOriginMissing", "Access-Control-Allow-Origin is missing."),
        ["CORS006"] = ("AllowOriginMultiple", "Access-Control-Allow-Origin has multiple values."),
        ["CORS007"] = ("AllowOriginMismatch", "Access-Control-Allow-Origin does not match the origin."),
        ["CORS008"] = ("WildcardWithCredentials", "The wildcard * origin was sent to a request with credentials."),
        ["CORS009"] = ("AllowCredentials", "Access-Control-Allow-Credentials is not exactly true while credentials are included."),
        ["CORS010"] = ("InvalidAllowMethods", "Access-Control-Allow-Methods is malformed."),
        ["CORS011"] = ("MethodNotAllowed", "The method is not allowed."),
        ["CORS012"] = ("InvalidAllowHeaders", "Access-Control-Allow-Headers is malformed."),
        ["CORS013"] = ("HeaderNotAllowed", "A request header is not allowed."),
        ["CORS014"] = ("MethodNotListed", "The method is allowed only because it is CORS-safelisted; it is not listed (an error under profiles that require listed methods)."),
        ["CORS015"] = ("NonStandardPort", "The URL uses a port a judged profile does not accept (browsers accept any)."),
        ["CORS016"] = ("TargetAddressNotAllowed", "The target resolves to an address the network policy refuses (loopback, private, metadata, ...): no request was sent."),
        ["CORS017"] = ("RejectedOriginAllowed", "An origin the caller said must be rejected (RejectOrigins) is allowed."),
        ["CORS018"] = ("RedirectStops", "Browsers stop at a redirect of the request after the preflight: a bad Location, too many redirects, or a failing preflight at the new URL."),
        ["CORS019"] = ("MalformedResponse", "A response arrived, but browsers refuse its bytes (a NUL byte, two different Content-Length values, a head over 256 KiB, ...)."),
        ["CORS021"] = ("StandInInconclusive", "Nothing browsers would see decides the request: browsers send it without a preflight, the OPTIONS answer grants nothing, and the stand-in GET's answer (404, 405, 501; 401/403 with credentials) cannot speak for the method's route."),
        ["CORS020"] = ("InvalidUrl", "An input of a batch (ProbeManyAsync) is not an absolute http(s) URL: its report says why, and nothing was sent for it."),
        ["CORS101"] = ("AuthorizationCoveredByWildcard", "* in Access-Control-Allow-Headers covers Authorization only by browser leniency."),
        ["CORS102"] = ("NoPreflightInBrowser", "A browser would not send a preflight for this request."),
        ["CORS103"] = ("MissingVaryOrigin", "The origin is echoed without Vary: Origin while other origins (the audit's, RejectOrigins) get another value."),
        ["CORS104"] = ("MaxAge", "Access-Control-Max-Age is missing, invalid or capped."),
        ["CORS105"] = ("ProfilesDisagree", "A judged profile reaches another verdict than the Browser profile."),
        ["CORS106"] = ("WildcardOrigin", "Audit note: every origin may read responses without credentials (*); not a vulnerability."),
        ["CORS107"] = ("AuditIncomplete", "Audit note: some audit requests got no answer, so their origins are untested."),
        ["CORS108"] = ("ActualResponseNotChecked", "Only OPTIONS was sent (WithoutActualRequests): browsers' check of the actual response was not made."),
        ["CORS109"] = ("RedirectsFollowed", "Note: the request after the preflight was redirected; CorsProbe followed each redirect as fetch() does."),
        ["CORS110"] = ("LenientResponse", "Browsers accept a response that strict HTTP parsers (.NET's among them) refuse or read differently: an odd status line, a dropped line, a bare CR, ..."),
        ["CORS111"] = ("HeaderDroppedByEngine", "Note: some engines drop a header the script sets (User-Agent in Chromium): their request goes without it."),
        ["CORS201"] = ("ReflectsAnyOrigin", "Security (audit): any origin is echoed, without credentials."),
        ["CORS202"] = ("ReflectsAnyOriginWithCredentials", "Security (audit): any origin is echoed with Access-Control-Allow-Credentials: true (critical)."),
        ["CORS203"] = ("TrustsNullOrigin", "Security (audit): the opaque origin null is trusted."),
        ["CORS204"] = ("PrefixBypass", "Security (audit): an attacker's domain starting with the trusted host is accepted."),
        ["CORS205"] = ("SuffixBypass", "Security (audit): an attacker's domain ending with the trusted domain is accepted."),
        ["CORS206"] = ("UnescapedDotBypass", "Security (audit): the trusted host with a dot replaced by a letter is accepted (unescaped regex dot)."),
        ["CORS207"] = ("SubdomainTrusted", "Security (audit): every subdomain of the trusted host is trusted."),
        ["CORS208"] = ("SpecialCharacterBypass", "Security (audit): the trusted host followed by a special character and another domain is accepted."),
        ["CORS209"] = ("InsecureOriginTrusted", "Security (audit): the trusted host over http: is trusted by an https: API."),
        ["CORS210"] = ("ThirdPartyOriginTrusted", "Security (audit): a shared hosting origin (github.io, codepen.io, jsfiddle.net) is trusted."),
        ["CORS211"] = ("ReflectsRequestedLists", "Security (audit): Access-Control-Allow-Methods/-Headers list whatever the preflight requests."),
        ["CORS212"] = ("DynamicOriginWithoutVary", "Security (audit): Access-Control-Allow-Origin depends on the origin, without Vary: Origin (cache poisoning)."),
        ["CORS213"] = ("WildcardWithCredentialsAttempted", "Security (audit): * with Access-Control-Allow-Credentials: true (refused by browsers; shows intent)."),
    };

    /// <summary>The rule of <paramref name="code"/>: its name and meaning (a code this build does not know keeps its code as its name).</summary>
    public static (string Name, string Meaning) Of(string code) => Rules.TryGetValue(code, out var rule) ? rule : (code, code);

    /// <summary>Every code with a rule.</summary>
    public static IEnumerable<string> Codes => Rules.Keys;

    /// <summary>The help a rule gives: what the code means, what it asks of the reader, and where the codes are listed.</summary>
    public static string Help(string code) => Of(code).Meaning + " " + (code[4] switch
    {
        '0' => "Browsers refuse the call (an error under the profile that judged it): each result says what the response said and the change that fixes it.",
        '1' => "A warning or note: the call works, but each result says what may change that, and how to make it robust.",
        _ => "A security finding of the audit (CWE-942, permissive cross-domain policy): each result names the origin the server wrongly trusts and how to stop trusting it.",
    }) + $" All codes: {(code[4] == '2' ? AuditUri : FindingCodesUri)}";
}

namespace CorsProbing;

/// <summary>The fixed title of each finding code.</summary>
internal static class FindingTitles
{
    public static string For(string code) => code switch
    {
        CorsFindingCodes.Unreachable => "Target unreachable",
        CorsFindingCodes.Timeout => "Preflight timed out",
        CorsFindingCodes.PreflightStatus => "Preflight status is not OK",
        CorsFindingCodes.Redirect => "Preflight was redirected",
        CorsFindingCodes.AllowOriginMissing => "Access-Control-Allow-Origin missing",
        CorsFindingCodes.AllowOriginMultiple => "Access-Control-Allow-Origin has multiple values",
        CorsFindingCodes.AllowOriginMismatch => "Access-Control-Allow-Origin does not match the origin",
        CorsFindingCodes.WildcardWithCredentials => "Wildcard origin with credentials",
        CorsFindingCodes.AllowCredentials => "Access-Control-Allow-Credentials is not 'true'",
        CorsFindingCodes.InvalidAllowMethods => "Access-Control-Allow-Methods is malformed",
        CorsFindingCodes.MethodNotAllowed => "Method not allowed",
        CorsFindingCodes.InvalidAllowHeaders => "Access-Control-Allow-Headers is malformed",
        CorsFindingCodes.HeaderNotAllowed => "Request header not allowed",
        CorsFindingCodes.MethodNotListed => "Method allowed only because it is CORS-safelisted",
        CorsFindingCodes.NonStandardPort => "Port other than 80/443",
        CorsFindingCodes.TargetAddressNotAllowed => "Target address not allowed",
        CorsFindingCodes.AuthorizationCoveredByWildcard => "'*' covers Authorization only by browser leniency",
        CorsFindingCodes.NoPreflightInBrowser => "A browser would not send a preflight",
        CorsFindingCodes.MissingVaryOrigin => "Origin echoed without Vary: Origin",
        CorsFindingCodes.MaxAge => "Access-Control-Max-Age",
        CorsFindingCodes.ProfilesDisagree => "Browser and Galxe verdicts differ",
        CorsFindingCodes.RejectedOriginAllowed => "An origin that must be rejected is allowed",
        CorsFindingCodes.WildcardOrigin => "Every origin allowed, without credentials",
        CorsFindingCodes.AuditIncomplete => "Audit incomplete",
        CorsFindingCodes.ReflectsAnyOrigin => "Reflects any origin",
        CorsFindingCodes.ReflectsAnyOriginWithCredentials => "Reflects any origin with credentials",
        CorsFindingCodes.TrustsNullOrigin => "Trusts the null origin",
        CorsFindingCodes.PrefixBypass => "Origin check bypassed with a prefix",
        CorsFindingCodes.SuffixBypass => "Origin check bypassed with a suffix",
        CorsFindingCodes.UnescapedDotBypass => "Origin check bypassed through an unescaped dot",
        CorsFindingCodes.SubdomainTrusted => "Every subdomain trusted",
        CorsFindingCodes.SpecialCharacterBypass => "Origin check bypassed with a special character",
        CorsFindingCodes.InsecureOriginTrusted => "http: origin trusted by an https: API",
        CorsFindingCodes.ThirdPartyOriginTrusted => "Shared hosting origin trusted",
        CorsFindingCodes.ReflectsRequestedLists => "Requested methods or headers reflected",
        CorsFindingCodes.DynamicOriginWithoutVary => "Origin-dependent answer without Vary: Origin",
        CorsFindingCodes.WildcardWithCredentialsAttempted => "Wildcard origin with credentials attempted",
        _ => code,
    };
}

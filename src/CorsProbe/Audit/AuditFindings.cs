using CorsProbing.Reporting;

namespace CorsProbing.Audit;

/// <summary>
/// Turns the audit's responses into security findings (CORS2xx, with a risk that weighs credentials and status) and
/// report findings (CORS017 for a rejected origin that is allowed; notes). A server that reflects any origin gets that
/// one finding, not one per crafted origin it also reflected.
/// </summary>
internal static class AuditFindings
{
    private const string FixAllowList =
        "Compare the Origin header with an exact allow-list of full origins (scheme, host and port), e.g. a set lookup; never with startsWith, endsWith, contains or an unanchored regular expression.";

    /// <summary>Classifies <paramref name="responses"/> for a probe of <paramref name="url"/>.</summary>
    public static AuditResult Classify(IReadOnlyList<AuditResponse> responses, Uri url, bool audited)
    {
        var security = new List<CorsSecurityFinding>();
        var drafts = new List<FindingDraft>();
        foreach (var rejected in responses.Where(r => r.Origin.Technique == AuditTechnique.Rejected && r.BrowserAllows))
        {
            drafts.Add(new FindingDraft(
                CorsFindingCodes.RejectedOriginAllowed,
                "An origin that must be rejected is allowed",
                null,
                FindingScope.Everyone,
                CorsSeverity.Error,
                $"{rejected.Origin.Origin} must not be allowed, but a browser would let it make this request: {rejected.Evidence}.",
                $"Remove {rejected.Origin.Origin} from the allowed origins. {FixAllowList}"));
        }

        if (audited)
        {
            ClassifyOrigins(responses, url, security, drafts);
        }

        var failed = responses.Count(r => r.Error is not null);
        if (failed > 0)
        {
            drafts.Add(new FindingDraft(
                CorsFindingCodes.AuditIncomplete,
                "Audit incomplete",
                null,
                FindingScope.Everyone,
                CorsSeverity.Info,
                $"{failed} of {responses.Count} audit requests got no answer, so their origins are untested: {string.Join("; ", responses.Where(r => r.Error is not null).Select(r => r.Evidence))}.",
                null));
        }

        var answers = responses.Where(r => r.Error is null).Select(r => (r.Origin.Origin, r.AllowOrigin)).ToList();
        return new AuditResult(audited, [.. security.OrderByDescending(f => f.Risk)], drafts, answers);
    }

    private static void ClassifyOrigins(IReadOnlyList<AuditResponse> responses, Uri url, List<CorsSecurityFinding> security, List<FindingDraft> drafts)
    {
        var arbitrary = responses.FirstOrDefault(r => r.Origin.Technique == AuditTechnique.ArbitraryOrigin);
        if (arbitrary is { Reflected: true })
        {
            var craftedOrigins = responses.Where(r => r.Origin.Technique is not (AuditTechnique.ReflectedLists or AuditTechnique.Rejected)).ToList();
            var crafted = craftedOrigins.Count;
            var reflected = craftedOrigins.Count(r => r.Reflected);
            security.Add(arbitrary.AllowsCredentials
                ? Finding(CorsFindingCodes.ReflectsAnyOriginWithCredentials, "Reflects any origin with credentials", CorsRisk.Critical, arbitrary,
                    $"The server echoes any Origin with Access-Control-Allow-Credentials: true ({reflected} of {crafted} crafted origins, {arbitrary.Origin.Origin} included): any web page can call this API as the logged-in user and read the answers.",
                    $"Stop echoing the Origin header. {FixAllowList}")
                : Finding(CorsFindingCodes.ReflectsAnyOrigin, "Reflects any origin", CorsRisk.Low, arbitrary,
                    $"The server echoes any Origin ({reflected} of {crafted} crafted origins, {arbitrary.Origin.Origin} included), without credentials: any page can read what anyone could fetch, as with `*`, but a later AllowCredentials would make it critical, and caches may mix origins.",
                    $"If the API is public, send `Access-Control-Allow-Origin: *`; otherwise {FixAllowList}"));
        }
        else
        {
            AddTechnique(responses, AuditTechnique.NullOrigin, CorsFindingCodes.TrustsNullOrigin, "Trusts the null origin", security,
                "trusts the opaque origin `null`, which any page can take on by running in a sandboxed iframe or a data: URL",
                "Never allow the origin `null`: remove it from the allow-list (it is not your local file, it is anyone's sandbox).");
            AddTechnique(responses, AuditTechnique.Prefix, CorsFindingCodes.PrefixBypass, "Origin check bypassed with a prefix", security,
                "accepts an attacker's domain that merely starts with your trusted host: the origin check matches a prefix (startsWith, or a regular expression without `$`)",
                FixAllowList);
            AddTechnique(responses, AuditTechnique.Suffix, CorsFindingCodes.SuffixBypass, "Origin check bypassed with a suffix", security,
                "accepts an attacker's domain that merely ends with your trusted domain name: the origin check matches a suffix without the dot before it (endsWith, or a regular expression without `^`)",
                FixAllowList);
            AddTechnique(responses, AuditTechnique.UnescapedDot, CorsFindingCodes.UnescapedDotBypass, "Origin check bypassed through an unescaped dot", security,
                "accepts your trusted host with its first dot replaced by a letter, a domain anyone can register: the origin check is a regular expression with an unescaped `.`",
                $"Escape every dot (`\\.`) and anchor the expression (`^https://app\\.example\\.com$`), or better: {FixAllowList}");
            AddTechnique(responses, AuditTechnique.SpecialCharacter, CorsFindingCodes.SpecialCharacterBypass, "Origin check bypassed with a special character", security,
                "accepts your trusted host followed by a special character and an attacker's domain (some browsers send such hosts): the check matches a prefix",
                FixAllowList);
            AddTechnique(responses, AuditTechnique.Subdomain, CorsFindingCodes.SubdomainTrusted, "Every subdomain trusted", security,
                "trusts every subdomain of your trusted host: one subdomain takeover or XSS anywhere under it becomes access to this API",
                "List the subdomains that need access explicitly instead of trusting `*.` a whole domain.");
            if (url.Scheme == Uri.UriSchemeHttps)
            {
                AddTechnique(responses, AuditTechnique.InsecureScheme, CorsFindingCodes.InsecureOriginTrusted, "http: origin trusted by an https: API", security,
                    "trusts your host over plain http: on an https API: anyone on the network path (public Wi-Fi) can inject script into that origin and call the API",
                    "Allow only the https: origin.");
            }

            AddTechnique(responses, AuditTechnique.ThirdParty, CorsFindingCodes.ThirdPartyOriginTrusted, "Shared hosting origin trusted", security,
                "trusts a host where anyone can publish pages (github.io, codepen.io, jsfiddle.net)",
                "Remove shared hosting origins from the allow-list; allow your own page's exact origin instead.");
        }

        AddWildcard(arbitrary, security, drafts);
        AddReflectedLists(responses, security);
        AddDynamicWithoutVary(responses, security);
    }

    private static void AddTechnique(IReadOnlyList<AuditResponse> responses, AuditTechnique technique, string code, string title, List<CorsSecurityFinding> security, string what, string remedy)
    {
        var accepted = responses.Where(r => r.Origin.Technique == technique && r.Reflected).ToList();
        if (accepted.Count == 0)
        {
            return;
        }

        var first = accepted[0];
        var credentials = accepted.Any(r => r.AllowsCredentials);
        var risk = technique == AuditTechnique.Subdomain
            ? credentials ? CorsRisk.Medium : CorsRisk.Low
            : credentials ? CorsRisk.High : CorsRisk.Medium;
        var origins = string.Join(", ", accepted.Select(r => r.Origin.Origin));
        var exposure = credentials ? "with credentials: that page can act as the logged-in user" : "without credentials";
        security.Add(Finding(code, title, risk, first, $"The server {what}. Accepted: {origins} ({exposure}).", remedy));
    }

    private static void AddWildcard(AuditResponse? arbitrary, List<CorsSecurityFinding> security, List<FindingDraft> drafts)
    {
        if (arbitrary is not { Wildcard: true })
        {
            return;
        }

        if (arbitrary.AllowsCredentials)
        {
            security.Add(Finding(CorsFindingCodes.WildcardWithCredentialsAttempted, "Wildcard origin with credentials attempted", CorsRisk.Low, arbitrary,
                "The server answers `Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true`. Browsers refuse this combination, so nothing leaks today, but it shows the intent to share credentialed responses with everyone: the usual \"fix\" is to echo the Origin, which is critical.",
                "Decide: a public API sends `*` without credentials; a private one an exact allow-list with credentials."));
            return;
        }

        drafts.Add(new FindingDraft(
            CorsFindingCodes.WildcardOrigin,
            "Every origin allowed, without credentials",
            null,
            FindingScope.Everyone,
            CorsSeverity.Info,
            $"Every origin may read responses without credentials (`Access-Control-Allow-Origin: *`): {arbitrary.Evidence}. Fine for public data; not a vulnerability, since browsers never send cookies under `*`.",
            null));
    }

    private static void AddReflectedLists(IReadOnlyList<AuditResponse> responses, List<CorsSecurityFinding> security)
    {
        // Echoed lists matter only as an amplifier: without credentials they grant no more than `*` lists would, and to
        // trusted origins alone they grant nothing an attacker can use. With credentials and an origin check that lets
        // other origins in, they hand those origins every method and header.
        var lists = responses.Where(r => r.Origin.Technique == AuditTechnique.ReflectedLists && r.Error is null && r.AllowsCredentials).ToList();
        if (lists.Count == 0 || security.Count == 0)
        {
            return;
        }

        var methods = lists.FirstOrDefault(r => r.AllowedMethods.Contains(AuditOrigins.InventedMethod, StringComparer.Ordinal));
        var headers = lists.FirstOrDefault(r => r.AllowedHeaders.Any(h => h.StartsWith("x-corsprobe-", StringComparison.OrdinalIgnoreCase)));
        if ((methods ?? headers) is not { } evidence)
        {
            return;
        }

        var which = methods is not null && headers is not null ? "methods and headers" : methods is not null ? "methods" : "headers";
        security.Add(Finding(CorsFindingCodes.ReflectsRequestedLists, "Requested methods or headers reflected", CorsRisk.Low, evidence,
            $"The server lists whatever {which} the preflight asks for (an invented {(methods is not null ? $"method {AuditOrigins.InventedMethod}" : "header")} was allowed) to credentialed requests, where `*` lists would not apply: the origins above may send any method and header as the logged-in user.",
            "List the methods and headers the API really accepts in Access-Control-Allow-Methods and Access-Control-Allow-Headers instead of echoing Access-Control-Request-*."));
    }

    private static void AddDynamicWithoutVary(IReadOnlyList<AuditResponse> responses, List<CorsSecurityFinding> security)
    {
        // Poisoning needs two different origins echoed: a cache then hands one origin's grant to another. An answer that
        // is either the one trusted origin or nothing only risks the trusted page's availability (CORS103 covers that).
        var answered = responses.Where(r => r.Error is null).ToList();
        var dynamic = answered.Select(r => r.AllowOrigin).Where(v => v is not null and not "*").Distinct(StringComparer.Ordinal).Count() > 1;
        var unvaried = answered.FirstOrDefault(r => r.AllowOrigin is not null and not "*" && !r.VariesByOrigin);
        if (!dynamic || unvaried is null)
        {
            return;
        }

        security.Add(Finding(CorsFindingCodes.DynamicOriginWithoutVary, "Origin-dependent answer without Vary: Origin", unvaried.AllowsCredentials ? CorsRisk.Medium : CorsRisk.Low, unvaried,
            $"Access-Control-Allow-Origin echoes different origins, but the response has no `Vary: Origin`: a cache (CDN, proxy, browser) may serve one origin's grant to another origin (cache poisoning).",
            "Add `Vary: Origin` to every response whose Access-Control-Allow-Origin depends on the Origin header, errors included."));
    }

    private static CorsSecurityFinding Finding(string code, string title, CorsRisk risk, AuditResponse evidence, string message, string remedy)
    {
        // A permissive header on an error status guards nothing: a preflight with it fails, an error page holds no data.
        if (!evidence.OkStatus && risk > CorsRisk.Low)
        {
            message += $" The response was HTTP {evidence.Status}, so nothing is exposed at this URL today; the same check on a URL that answers 2xx would be {risk}.";
            risk = CorsRisk.Low;
        }

        var accepted = evidence.Origin.Technique is AuditTechnique.ReflectedLists ? null : evidence.Origin.Origin;
        return new CorsSecurityFinding(code, title, risk, message, remedy, accepted, evidence.Evidence);
    }
}

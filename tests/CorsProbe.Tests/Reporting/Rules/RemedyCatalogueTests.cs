using CorsProbing.Http;
using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

/// <summary>
/// Every remedy a report finding can carry, checked word for word against a case that produces it: a fix names what to
/// change on the server, and a setting of the caller's only in the caller's words.
/// </summary>
public class RemedyCatalogueTests
{
    private static readonly (string Name, string Value)[] Granting = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT"), ("Vary", "Origin")];

    private static readonly Dictionary<string, (string Code, Func<IEnumerable<FindingDraft>> Findings)> Cases = new()
    {
        ["no answer"] = ("CORS001", () => Rules(new HandBuiltEvidence { Failure = new ExchangeFailure(ExchangeFailureKind.Failed, "the connection failed (refused).") })),
        ["timed out"] = ("CORS002", () => Rules(new HandBuiltEvidence { Failure = new ExchangeFailure(ExchangeFailureKind.TimedOut, "gave up.", TimeSpan.FromSeconds(5)) })),
        ["loopback refused"] = ("CORS016", () => Rules(new HandBuiltEvidence { Failure = Refused(CorsProbing.Safety.AddressClass.Loopback) })),
        ["private refused"] = ("CORS016", () => Rules(new HandBuiltEvidence { Failure = Refused(CorsProbing.Safety.AddressClass.Private) })),
        ["metadata refused"] = ("CORS016", () => Rules(new HandBuiltEvidence { Failure = Refused(CorsProbing.Safety.AddressClass.LinkLocal) })),
        ["malformed"] = ("CORS019", () => Rules(new HandBuiltEvidence { Failure = new ExchangeFailure(ExchangeFailureKind.MalformedResponse, "a NUL byte") })),
        ["handler threw on OPTIONS"] = ("CORS001", () => Rules(new HandBuiltEvidence { Failure = new ExchangeFailure(ExchangeFailureKind.HandlerFailed, "it threw X (no match).") })),
        ["stand-in got no answer"] = ("CORS001", () => Rules(new HandBuiltEvidence { Lines = Granting, FollowUpFailure = new ExchangeFailure(ExchangeFailureKind.Failed, "reset.") })),
        ["actual GET got no answer"] = ("CORS001", () => Rules(new HandBuiltEvidence { Method = "GET", Lines = Granting, FollowUpFailure = new ExchangeFailure(ExchangeFailureKind.Failed, "reset.") })),
        ["handler threw on the stand-in"] = ("CORS001", () => Rules(new HandBuiltEvidence { Lines = Granting, FollowUpFailure = new ExchangeFailure(ExchangeFailureKind.HandlerFailed, "it threw X (no match).") })),
        ["preflight 404"] = ("CORS003", () => Rules(new HandBuiltEvidence { Status = 404, Lines = Granting })),
        ["preflight 401"] = ("CORS003", () => Rules(new HandBuiltEvidence { Status = 401, Lines = Granting })),
        ["preflight 500"] = ("CORS003", () => Rules(new HandBuiltEvidence { Status = 500, Lines = Granting })),
        ["preflight redirected"] = ("CORS004", () => Rules(new HandBuiltEvidence { Status = 301, Lines = [("Location", "https://api.example.com/v2"), .. Granting] })),
        ["origin missing"] = ("CORS005", () => Rules(new HandBuiltEvidence { Lines = [("Access-Control-Allow-Methods", "PUT")] })),
        ["origin missing, with credentials"] = ("CORS005", () => Rules(new HandBuiltEvidence { Credentials = true, Lines = [("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Credentials", "true")] })),
        ["two origins"] = ("CORS006", () => Rules(new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT")] })),
        ["another origin"] = ("CORS007", () => Rules(new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", "https://other.example"), ("Access-Control-Allow-Methods", "PUT")] })),
        ["wildcard with credentials"] = ("CORS008", () => Rules(new HandBuiltEvidence { Credentials = true, Lines = [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Credentials", "true"), ("Access-Control-Allow-Methods", "PUT")] })),
        ["credentials not allowed"] = ("CORS009", () => Rules(new HandBuiltEvidence { Credentials = true, Lines = Granting })),
        ["stand-in refused, origin granted"] = ("CORS005", () => Rules(new HandBuiltEvidence { Lines = Granting, FollowUp = (405, []) })),
        ["stand-in refused, nothing granted"] = ("CORS021", () => Rules(new HandBuiltEvidence { Method = "POST", Status = 405, Lines = [], FollowUp = (405, []) })),
        ["methods malformed"] = ("CORS010", () => Rules(new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT;DELETE"), ("Vary", "Origin")] })),
        ["method not allowed"] = ("CORS011", () => Rules(new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "GET"), ("Vary", "Origin")] })),
        ["headers malformed"] = ("CORS012", () => Rules(new HandBuiltEvidence { UnsafeHeaders = ["x-api-key"], Lines = [.. Granting, ("Access-Control-Allow-Headers", "x-api-key;")] })),
        ["header not allowed"] = ("CORS013", () => Rules(new HandBuiltEvidence { UnsafeHeaders = ["x-api-key"], Lines = Granting })),
        ["method only safelisted"] = ("CORS014", () => Rules(new HandBuiltEvidence { Method = "POST", UnsafeHeaders = ["x-api-key"], Lines = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Headers", "x-api-key"), ("Vary", "Origin")] })),
        ["redirect browsers refuse"] = ("CORS018", () => Rules(new HandBuiltEvidence
        {
            Method = "GET",
            Lines = Granting,
            FollowUp = (302, [("Location", "ftp://files.example.com/quests"), ("Access-Control-Allow-Origin", Probe.Origin)]),
            Refusal = (RedirectRefusal.NotHttp, new Uri("ftp://files.example.com/quests")),
        })),
        ["authorization by wildcard"] = ("CORS101", () => Rules(new HandBuiltEvidence { UnsafeHeaders = ["authorization"], Lines = [.. Granting, ("Access-Control-Allow-Headers", "*")] })),
        ["no max-age"] = ("CORS104", () => Rules(new HandBuiltEvidence { Lines = Granting })),
        ["options only"] = ("CORS108", () => Rules(new HandBuiltEvidence { Method = "GET", SendsFollowUp = false, Lines = Granting })),
        ["lenient head"] = ("CORS110", () => Rules(new HandBuiltEvidence { Lines = Granting, Leniencies = ["a bare CR ends the line 'X: 1'"] })),
        ["slower than a profile allows"] = ("CORS002", () => Rules(new HandBuiltEvidence { Lines = Granting, Elapsed = TimeSpan.FromSeconds(6), AlsoJudged = [CorsProfile.Galxe] })),
        ["simple request"] = ("CORS102", () => Rules(new HandBuiltEvidence { Method = "GET", Lines = Granting, FollowUp = (200, [("Access-Control-Allow-Origin", Probe.Origin)]) })),
        ["port a profile refuses"] = ("CORS015", () => OfProbe(PortRule.Apply, new HandBuiltEvidence { Url = new("https://api.example.com:8443/quests"), AlsoJudged = [CorsProfile.Galxe] })),
        ["echo without Vary"] = ("CORS103", () => OfProbe((_, drafts) => VaryOriginRule.Apply([new HandBuiltEvidence { Lines = Granting[..2] }.Evidence()], new AuditResult(false, [], [], [("https://evil.example", null)]), drafts), new HandBuiltEvidence())),
        ["profiles disagree"] = ("CORS105", () => OfProbe((facts, drafts) => ProfileDifferenceRule.Apply(facts, [.. facts.Profiles.Select(p => p == CorsProfile.Galxe ? CorsVerdict.Allowed : CorsVerdict.Denied)], drafts), new HandBuiltEvidence { AlsoJudged = [CorsProfile.Galxe] })),
        ["header an engine drops"] = ("CORS111", () => OfProbe((facts, drafts) => DroppedHeaderRule.Apply(facts with { Headers = [new CorsProbing.Requirements.AuthorHeader("User-Agent", "widget/1.0")] }, drafts), new HandBuiltEvidence())),
        ["not a URL"] = ("CORS020", () => [InvalidUrlRule.Draft("htps//api.example.com", "'htps//api.example.com' is not an absolute URL.")]),
        ["rejected origin allowed"] = ("CORS017", () => OfAudit(new CorsProbing.Audit.AuditResponse(new("https://evil.example", CorsProbing.Audit.AuditTechnique.Rejected), "OPTIONS", 204, "https://evil.example", false, null, false, null, [], [], true, null))),
        ["wildcard to every origin"] = ("CORS106", () => OfAudit(new CorsProbing.Audit.AuditResponse(new("https://corsprobe-1.invalid", CorsProbing.Audit.AuditTechnique.ArbitraryOrigin), "OPTIONS", 204, "*", false, null, false, null, [], [], true, null))),
        ["audit incomplete"] = ("CORS107", () => OfAudit(CorsProbing.Audit.AuditResponse.Failed(new("null", CorsProbing.Audit.AuditTechnique.NullOrigin), "OPTIONS", "timed out."))),
    };

    private static List<FindingDraft> OfProbe(Action<CorsProbing.Evidence.ProbeFacts, List<FindingDraft>> rule, HandBuiltEvidence evidence)
    {
        var drafts = new List<FindingDraft>();
        rule(evidence.Facts, drafts);
        return drafts;
    }

    private static IReadOnlyList<FindingDraft> OfAudit(params CorsProbing.Audit.AuditResponse[] responses) =>
        CorsProbing.Audit.AuditFindings.Classify(responses, new Uri(Probe.Url), audited: true).Drafts;

    public static TheoryData<string> Names => [.. Cases.Keys];

    private static readonly Dictionary<string, string?> Expected = new()
    {
        ["origin missing"] = "Send exactly `Access-Control-Allow-Origin: https://dashboard.galxe.com` (after checking it against your allow-list) with `Vary: Origin`, or `Access-Control-Allow-Origin: *` for a public API. Make sure your CORS layer also answers OPTIONS requests and error responses.",
        ["authorization by wildcard"] = "List `Authorization` explicitly in Access-Control-Allow-Headers, e.g. `Access-Control-Allow-Headers: *, Authorization`.",
        ["loopback refused"] = "Give a URL whose host resolves to public addresses only; to probe an API on this machine on purpose, call AllowLoopback() on the builder.",
        ["methods malformed"] = "List methods separated by commas, without quotes, slashes or semicolons, e.g. `Access-Control-Allow-Methods: GET, POST, PUT`.",
        ["preflight 401"] = "The preflight was refused as unauthenticated (401), but browsers never send credentials or an Authorization header on a preflight: answer OPTIONS with 204 before authentication.",
        ["slower than a profile allows"] = "Make OPTIONS answer within a few hundred milliseconds: answer it before authentication and slow middleware.",
        ["another origin"] = "Send exactly `Access-Control-Allow-Origin: https://dashboard.galxe.com` (after checking it against your allow-list) with `Vary: Origin`, or `Access-Control-Allow-Origin: *` for a public API.",
        ["redirect browsers refuse"] = "Point the API's URL at its final location, so that no redirect is needed; a redirect browsers follow must itself carry the CORS headers.",
        ["timed out"] = "Make OPTIONS answer quickly and without authentication, or raise the timeout with WithTimeout(...) if the API is known to be slow.",
        ["metadata refused"] = "Give a URL whose host resolves to public addresses only: this kind of address is never probed, as a platform's backend must not reach it.",
        ["method not allowed"] = "Add `PUT` to Access-Control-Allow-Methods (methods are case-sensitive; browsers send `PUT`).",
        ["origin missing, with credentials"] = "Send exactly `Access-Control-Allow-Origin: https://dashboard.galxe.com` (after checking it against your allow-list), with `Access-Control-Allow-Credentials: true` and `Vary: Origin`. Make sure your CORS layer also answers OPTIONS requests and error responses.",
        ["preflight 404"] = "No route answers OPTIONS at this URL (the server answered 404): make it answer the preflight with 204 No Content (or 200) and the CORS headers.",
        ["method only safelisted"] = "Add `POST` to Access-Control-Allow-Methods.",
        ["header not allowed"] = "Add x-api-key to Access-Control-Allow-Headers (names are case-insensitive).",
        ["preflight redirected"] = "Use the final URL, or answer OPTIONS on this URL directly instead of redirecting (http→https and trailing-slash redirects are the usual causes).",
        ["options only"] = "Let CorsProbe send the actual GET/HEAD, or a stand-in GET for other methods (drop WithoutActualRequests()), or check the actual response yourself.",
        ["handler threw on OPTIONS"] = "Make your handler answer OPTIONS https://api.example.com/quests as the server would (with MockHttp: mock.When(HttpMethod.Options, url).Respond(...)).",
        ["no max-age"] = "Send `Access-Control-Max-Age: 600` (or the time your CORS policy may stay cached, up to 10 minutes for Safari and 2 hours for Chrome) so browsers reuse the preflight.",
        ["credentials not allowed"] = "Send `Access-Control-Allow-Credentials: true` once, or make the request without credentials.",
        ["two origins"] = "Send exactly `Access-Control-Allow-Origin: https://dashboard.galxe.com` (after checking it against your allow-list) with `Vary: Origin`, or `Access-Control-Allow-Origin: *` for a public API. If two layers (application, proxy, CDN) each add the header, keep only one.",
        ["actual GET got no answer"] = "Make the actual request answer within the timeout, on a connection that is not reset.",
        ["stand-in got no answer"] = "Check that the URL answers GET requests quickly and without resetting the connection (with a mock transport, answer the GET too).",
        ["handler threw on the stand-in"] = "Make your handler answer GET https://api.example.com/quests as the server would (with MockHttp: mock.When(HttpMethod.Get, url).Respond(...)), or call WithoutActualRequests() to send only OPTIONS.",
        ["private refused"] = "Give a URL whose host resolves to public addresses only; to probe an API on your own network on purpose, call AllowPrivateNetworks() on the builder.",
        ["stand-in refused, origin granted"] = "Add the CORS headers to error responses too.",
        ["stand-in refused, nothing granted"] = "Settle it with the actual request: call SendActualRequests() on the builder (on your own test or staging API only: it sends the method itself); or send `curl -i -X POST -H 'Origin: https://dashboard.galxe.com' 'https://api.example.com/quests'` and look for `Access-Control-Allow-Origin: https://dashboard.galxe.com` (or `*`) in its answer.",
        ["preflight 500"] = "Answer OPTIONS with 204 No Content (or 200) and the CORS headers; the server answered 500.",
        ["wildcard with credentials"] = "Echo the specific origin instead: `Access-Control-Allow-Origin: https://dashboard.galxe.com`, `Access-Control-Allow-Credentials: true` and `Vary: Origin`.",
        ["simple request"] = "Make sure the actual response carries the same Access-Control-Allow-Origin as the OPTIONS response.",
        ["port a profile refuses"] = "Serve the API on port 443 (https) or 80, for example behind a reverse proxy.",
        ["echo without Vary"] = "Add `Vary: Origin` to every response whose Access-Control-Allow-Origin depends on the request's Origin.",
        ["profiles disagree"] = "Fix the browser failures above; passing the check of the Galxe platform does not prove that browsers can call the API.",
        ["header an engine drops"] = "Do not rely on User-Agent reaching the API from every browser; send what the API needs in a header of your own.",
        ["not a URL"] = "Give an absolute http or https URL, such as https://api.example.com/path; the other inputs of the batch are probed as usual.",
        ["rejected origin allowed"] = "Remove https://evil.example from the allowed origins. Compare the Origin header with an exact allow-list of full origins (scheme, host and port), e.g. a set lookup; never with startsWith, endsWith, contains or an unanchored regular expression.",
        ["wildcard to every origin"] = null,
        ["audit incomplete"] = null,
        ["lenient head"] = "Make the server write a standard status line (`HTTP/1.1 204 No Content`), CRLF line endings, and only header lines of the form `Name: value` with a token name.",
        ["no answer"] = "Check that api.example.com resolves, that a server listens on port 443, and that its TLS certificate is valid for api.example.com.",
        ["headers malformed"] = "List header names separated by commas, e.g. `Access-Control-Allow-Headers: Content-Type, Authorization`.",
        ["malformed"] = "Fix the server (or the proxy in front of it) so that it writes a well-formed HTTP/1.1 response head: no NUL bytes, one Content-Length value, under 256 KiB.",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void EachRemedy_ReadsAsWrittenForTheCaseThatProducesIt(string name)
    {
        var (code, findings) = Cases[name];

        findings().Should().Contain(f => f.Code == code).Which.Remedy.Should().Be(Expected[name]);
    }

    [Fact]
    public void EveryReportCode_HasACase()
    {
        var codes = typeof(CorsFindingCodes).GetFields().Select(f => (string)f.GetValue(null)!).Where(c => !c.StartsWith("CORS2", StringComparison.Ordinal));

        // CORS109 is a note without a fix: the redirects it lists were followed as browsers follow them.
        codes.Except(["CORS109"]).Should().BeSubsetOf(Cases.Values.Select(c => c.Code));
    }

    private static List<FindingDraft> Rules(HandBuiltEvidence evidence) => evidence.Run(PreflightRules.Apply);

    private static ExchangeFailure Refused(CorsProbing.Safety.AddressClass addressClass) =>
        new(ExchangeFailureKind.AddressRefused, "api.example.com resolves to 127.0.0.1, a loopback address, which the network policy refuses (allowed: public addresses)") { RefusedClass = addressClass };
}

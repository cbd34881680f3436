using System.Net;
using System.Text.RegularExpressions;

namespace CorsProbing.Tests.Audit;

public class AuditTests
{
    private static Task<CorsReport> Audit(HttpMessageHandler server, string method = "PUT", bool credentials = false) =>
        Probe.Through(server).RequireMethods(method).WithCredentials(credentials).Audit().ProbeAsync(TestContext.Current.CancellationToken);

    private static string[] SecurityCodes(CorsReport report) => [.. report.SecurityFindings.Select(f => f.Code).Order()];

    [Fact]
    public async Task AnExactAllowList_HasNoSecurityFindings()
    {
        var report = await Audit(OriginPolicyServer.Exact(Probe.Origin));

        report.IsAudited.Should().BeTrue();
        report.SecurityFindings.Should().BeEmpty(report.ToString());
        report.IsAllowed.Should().BeTrue();
    }

    [Fact]
    public async Task AWildcardWithoutCredentials_IsANote_NotASecurityFinding()
    {
        var report = await Audit(new OriginPolicyServer(_ => true) { Wildcard = true });

        report.SecurityFindings.Should().BeEmpty();
        report.Findings.Should().ContainSingle(f => f.Code == "CORS106").Which.Severity.Should().Be(CorsSeverity.Info);
    }

    [Fact]
    public async Task AWildcardWithCredentials_IsLow()
    {
        var report = await Audit(new OriginPolicyServer(_ => true) { Wildcard = true, Credentials = true });

        report.SecurityFindings.Should().ContainSingle().Which.Should().Match<CorsSecurityFinding>(f => f.Code == "CORS213" && f.Risk == CorsRisk.Low);
    }

    [Fact]
    public async Task ReflectingAnyOriginWithCredentials_IsCritical_AndTheOnlyOriginFinding()
    {
        var report = await Audit(new OriginPolicyServer(_ => true) { Credentials = true });

        var finding = report.SecurityFindings.Should().ContainSingle().Which;
        finding.Code.Should().Be("CORS202");
        finding.Risk.Should().Be(CorsRisk.Critical);
        finding.AcceptedOrigin.Should().MatchRegex(@"^https://corsprobe-[0-9a-f]{8}\.invalid$");
        finding.Evidence.Should().Contain("HTTP 204").And.Contain("Access-Control-Allow-Credentials: true");
        finding.Cwe.Should().Be("CWE-942");
        finding.Remedy.Should().Contain("exact allow-list");
    }

    [Fact]
    public async Task ReflectingAnyOriginWithoutCredentials_IsLow()
    {
        var report = await Audit(new OriginPolicyServer(_ => true));

        report.SecurityFindings.Should().ContainSingle().Which.Should().Match<CorsSecurityFinding>(f => f.Code == "CORS201" && f.Risk == CorsRisk.Low);
    }

    [Fact]
    public async Task TrustingNull_IsReported()
    {
        var report = await Audit(new OriginPolicyServer(o => o is Probe.Origin or "null") { Credentials = true });

        var finding = report.SecurityFindings.Should().ContainSingle().Which;
        finding.Code.Should().Be("CORS203");
        finding.Risk.Should().Be(CorsRisk.High);
        finding.AcceptedOrigin.Should().Be("null");
    }

    [Fact]
    public async Task AnUnanchoredRegexWithAnUnescapedDot_IsBypassedEveryWayItAllows()
    {
        var regex = new Regex("dashboard.galxe.com");
        var report = await Audit(new OriginPolicyServer(regex.IsMatch));

        SecurityCodes(report).Should().Equal("CORS204", "CORS206", "CORS207", "CORS208", "CORS209");
        report.SecurityFindings.Single(f => f.Code == "CORS206").AcceptedOrigin.Should().Be("https://dashboardxgalxe.com");
        report.SecurityFindings.Should().OnlyContain(f => f.Risk == CorsRisk.Medium || f.Risk == CorsRisk.Low);
    }

    [Fact]
    public async Task AnEndsWithCheck_IsBypassedWithASuffix()
    {
        var report = await Audit(new OriginPolicyServer(o => o.EndsWith("galxe.com", StringComparison.Ordinal)) { Credentials = true });

        SecurityCodes(report).Should().Equal("CORS205", "CORS206", "CORS207", "CORS209");
        report.SecurityFindings.Single(f => f.Code == "CORS205").AcceptedOrigin.Should().MatchRegex(@"^https://attacker[0-9a-f]{8}galxe\.com$");
        report.SecurityFindings.Single(f => f.Code == "CORS205").Risk.Should().Be(CorsRisk.High);
    }

    [Fact]
    public async Task SharedHostingOrigins_AreReported()
    {
        var report = await Audit(new OriginPolicyServer(o => o == Probe.Origin || o.EndsWith(".github.io", StringComparison.Ordinal) || o == "https://codepen.io"));

        var finding = report.SecurityFindings.Should().ContainSingle().Which;
        finding.Code.Should().Be("CORS210");
        finding.Message.Should().Contain("github.io").And.Contain("https://codepen.io");
    }

    [Fact]
    public async Task EchoingDifferentOriginsWithoutVary_IsCachePoisoning()
    {
        var report = await Audit(new OriginPolicyServer(_ => true) { VaryOrigin = false, Credentials = true });

        SecurityCodes(report).Should().Equal("CORS202", "CORS212");
        report.SecurityFindings.Single(f => f.Code == "CORS212").Risk.Should().Be(CorsRisk.Medium);
    }

    [Fact]
    public async Task OneTrustedOriginOrNothing_WithoutVary_IsOnlyTheWarning()
    {
        var report = await Audit(new OriginPolicyServer(o => o == Probe.Origin) { VaryOrigin = false });

        report.SecurityFindings.Should().BeEmpty();
        report.Codes().Should().Contain("CORS103");
    }

    [Fact]
    public async Task ReflectedMethodAndHeaderLists_WithoutCredentials_AreNoFinding()
    {
        var report = await Audit(new OriginPolicyServer(o => o == Probe.Origin) { ReflectLists = true });

        report.SecurityFindings.Should().BeEmpty("echoed lists without credentials grant no more than `*` lists");
    }

    [Fact]
    public async Task ReflectedMethodAndHeaderLists_ForTrustedOriginsOnly_AreNoFinding()
    {
        var report = await Audit(new OriginPolicyServer(o => o == Probe.Origin) { ReflectLists = true, Credentials = true });

        report.SecurityFindings.Should().BeEmpty("only trusted origins get the echoed lists");
    }

    [Fact]
    public async Task ReflectedMethodAndHeaderLists_WithCredentials_AmplifyAPermissiveOriginCheck()
    {
        var report = await Audit(new OriginPolicyServer(_ => true) { ReflectLists = true, Credentials = true });

        SecurityCodes(report).Should().Equal("CORS202", "CORS211");
        report.SecurityFindings.Single(f => f.Code == "CORS211").Message.Should().Contain("methods and headers");
    }

    [Fact]
    public async Task HeadersEchoedOnlyForTheMethodsAServerKnows_AreFoundToo()
    {
        var server = new OriginPolicyServer(_ => true) { Credentials = true, ListsOnlyFor = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"] };

        var report = await Audit(server);

        SecurityCodes(report).Should().Equal("CORS202", "CORS211");
        report.SecurityFindings.Single(f => f.Code == "CORS211").Message.Should().Contain("whatever headers the preflight asks for").And.Contain("an invented header");
        server.Received.Should().Contain(r => r.Method == HttpMethod.Options && r.Headers.GetValues("Access-Control-Request-Method").Single() == "PUT"
            && r.Headers.Contains("Access-Control-Request-Headers") && r.Headers.GetValues("Access-Control-Request-Headers").Single().StartsWith("x-corsprobe-", StringComparison.Ordinal),
            "the invented header is asked for with a method the server knows");
    }

    [Fact]
    public async Task APermissiveHeaderOnA404_IsNeverCritical()
    {
        var report = await Audit(new OriginPolicyServer(_ => true) { Credentials = true, Status = HttpStatusCode.NotFound });

        var finding = report.SecurityFindings.Should().ContainSingle().Which;
        finding.Code.Should().Be("CORS202");
        finding.Risk.Should().Be(CorsRisk.Low);
        finding.Message.Should().Contain("HTTP 404");
    }

    [Fact]
    public async Task TheAudit_SendsAtMostEighteenExtraRequests_FourAtATime_AllPreflightsForAnUnsafeMethod()
    {
        var server = OriginPolicyServer.Exact(Probe.Origin);

        await Audit(server);

        // The probe's own preflight and stand-in GET, then the audit's requests: preflights only.
        server.Received.Count.Should().BeLessThanOrEqualTo(2 + 18);
        server.Received.Where(r => r.Method != HttpMethod.Options).Should().ContainSingle().Which.Headers.GetValues("Origin").Should().Equal(Probe.Origin);
        server.PeakConcurrency.Should().BeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task ForASimpleGetTheTargetAllows_TheAuditSendsTheGetItself()
    {
        var server = OriginPolicyServer.Exact(Probe.Origin);

        await Audit(server, method: "GET");

        var audit = server.Received.Where(r => r.Headers.GetValues("Origin").Single() != Probe.Origin).ToList();
        audit.Should().NotBeEmpty().And.OnlyContain(r => r.Method == HttpMethod.Get);
    }

    [Fact]
    public async Task CraftedOrigins_AreUniqueToTheRun()
    {
        var first = await Audit(new OriginPolicyServer(_ => true));
        var second = await Audit(new OriginPolicyServer(_ => true));

        first.SecurityFindings[0].AcceptedOrigin.Should().NotBe(second.SecurityFindings[0].AcceptedOrigin);
    }

    [Fact]
    public async Task AnUnreachableTarget_IsNotAudited()
    {
        var report = await CorsProbe.For($"http://127.0.0.1:{Loopback.ClosedPort()}/api").WithOrigin(Probe.Origin).AllowLoopback()
            .Audit().ProbeAsync(TestContext.Current.CancellationToken);

        report.IsAudited.Should().BeFalse();
        report.SecurityFindings.Should().BeEmpty();
    }

    [Fact]
    public async Task WithoutAudit_NoExtraRequestIsSent()
    {
        var server = OriginPolicyServer.Exact(Probe.Origin);

        var report = await Probe.Through(server).RequireMethods("PUT").RunAsync();

        server.Received.Select(r => r.Method).Should().Equal([HttpMethod.Options, HttpMethod.Get], "the preflight and its stand-in GET, nothing more");
        report.IsAudited.Should().BeFalse();
    }

    [Fact]
    public async Task TheReportText_HasTheAuditSection()
    {
        var report = await Audit(new OriginPolicyServer(_ => true) { Credentials = true });

        report.ToString().Should().Contain("Security audit (1 finding(s), CWE-942):").And.Contain("CORS202 Critical Reflects any origin with credentials");
    }
}

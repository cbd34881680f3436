using CorsProbing.Conformance.Oracle;
using CorsProbing.Conformance.RealServers;

namespace CorsProbing.Conformance;

/// <summary>
/// The audit against real servers configured with each misconfiguration attackers use: every server yields exactly the
/// expected security findings, with their risk, and the correctly configured ones none (no false positives).
/// </summary>
public class AuditRealServerTests
{
    private const string Origin = "https://dashboard.galxe.com";

    [Theory]
    [InlineData("/default", "")]                                  // `*` without credentials: a note, not a finding
    [InlineData("/allow-list", "")]                               // an exact allow-list
    [InlineData("/credentials", "")]                              // the dashboard alone, with credentials
    [InlineData("/reflect", "CORS201 Low")]
    [InlineData("/reflect-credentials", "CORS202 Critical, CORS211 Low")]
    [InlineData("/regex", "CORS204 Medium, CORS206 Medium, CORS207 Low, CORS208 Medium, CORS209 Medium")]
    [InlineData("/ends-with", "CORS205 Medium, CORS206 Medium, CORS207 Low, CORS209 Medium")]
    [InlineData("/null", "CORS203 Medium")]
    public async Task Express_WithTheCorsPackage(string path, string expected)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ExpressServer.StartAsync(cancellationToken);

        await ExpectAsync(ExpressServer.Host, server.Port, path, expected, cancellationToken);
    }

    [Theory]
    [InlineData("/echo-origin/", "CORS202 Critical, CORS212 Medium")]   // $http_origin with credentials, no Vary
    [InlineData("/if-options-204/", "")]
    public async Task Nginx_ConfigurationsPeopleDeploy(string path, string expected)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await NginxServer.StartAsync(cancellationToken);

        await ExpectAsync(NginxServer.Host, server.Port, path, expected, cancellationToken);
    }

    [Theory]
    [InlineData("/credentials/", "")]                                  // the dashboard alone, with credentials
    [InlineData("/reflect-credentials/", "CORS202 Critical, CORS211 Low")] // headers echoed only for the methods it knows
    public async Task Flask_WithFlaskCors(string path, string expected)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await FlaskServer.StartAsync(cancellationToken);

        await ExpectAsync(FlaskServer.Host, server.Port, path, expected, cancellationToken);
    }

    private static async Task ExpectAsync(string host, int port, string path, string expected, CancellationToken cancellationToken)
    {
        using var handler = LoopbackTls.HandlerTo(port);
        var report = await CorsProbe.For($"https://{host}{path}").WithOrigin(Origin).RequireMethods("PUT").RequireHeaders("Content-Type")
            .UsingHandler(handler).Audit().ProbeAsync(cancellationToken);

        report.IsAudited.Should().BeTrue(report.ToString());
        string.Join(", ", report.SecurityFindings.Select(f => $"{f.Code} {f.Risk}").Order(StringComparer.Ordinal))
            .Should().Be(expected, report.ToString());
        foreach (var finding in report.SecurityFindings)
        {
            finding.Cwe.Should().Be("CWE-942");
            finding.Evidence.Should().Contain("HTTP ");
        }
    }
}

using System.Text.RegularExpressions;
using CorsProbing.Testing;

namespace CorsProbing.IntegrationTests;

/// <summary>The audit through the default transport: its answers are read and judged as the probe's are, engine by engine.</summary>
public partial class AuditOverTheWireTests
{
    private const string Origin = "https://dashboard.galxe.com";

    [Fact]
    public async Task AnAnswerOnlyOneEngineReads_IsJudgedByThatEngine()
    {
        // A NUL in a header name: Chromium and WebKit refuse the whole head; Firefox drops the line and reads an origin
        // echoed with credentials.
        await using var server = new ScriptedServer(request =>
            $"HTTP/1.1 204 No Content\r\nX-\0Note: 1\r\nAccess-Control-Allow-Origin: {OriginOf(request.Head)}\r\n" +
            "Access-Control-Allow-Credentials: true\r\nAccess-Control-Allow-Methods: PUT\r\nVary: Origin\r\nContent-Length: 0\r\n\r\n");

        var report = await CorsProbe.For(server.Url).WithOrigin(Origin).AllowLoopback().RequireMethods("PUT").WithCredentials().WithoutActualRequests()
            .Audit().ProbeAsync(TestContext.Current.CancellationToken);

        report.VerdictFor(CorsProfile.Chromium).Should().Be(CorsVerdict.Unreachable, report.ToString());
        report.VerdictFor(CorsProfile.Firefox).Should().Be(CorsVerdict.Allowed, report.ToString());
        report.IsAudited.Should().BeTrue("Firefox got an answer to audit");
        report.SecurityFindings.Select(f => $"{f.Code} {f.Risk}").Should().Contain("CORS202 Critical", "Firefox lets any origin in with credentials");
    }

    private static string OriginOf(string head) => OriginLine().Match(head).Groups[1].Value;

    [GeneratedRegex(@"\r\nOrigin: ([^\r]*)", RegexOptions.IgnoreCase)]
    private static partial Regex OriginLine();
}

using System.Text.Json;
using CorsProbing.Cli;
using CorsProbing.Tests.Audit;

namespace CorsProbing.Tests.Cli;

public class CliAuditTests
{
    private static async Task<(int Code, string Output)> Run(HttpMessageHandler handler, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CorsProbeCommand.RunAsync([Probe.Url, "--origin", Probe.Origin, "-m", "PUT", .. args], output, error, handler);
        return (code, output.ToString());
    }

    [Fact]
    public async Task Audit_ACriticalFinding_ExitsOne_EvenThoughTheOriginIsAllowed()
    {
        var (code, output) = await Run(new OriginPolicyServer(_ => true) { Credentials = true }, "--audit");

        code.Should().Be(1);
        output.Should().StartWith("CORS ALLOWED:").And.Contain("CORS202 Critical");
    }

    [Fact]
    public async Task Audit_OnlyLowFindings_ExitsZero()
    {
        var (code, _) = await Run(new OriginPolicyServer(_ => true), "--audit");

        code.Should().Be(0);
    }

    [Fact]
    public async Task Audit_Json_HasTheSecurityFindings()
    {
        var (_, output) = await Run(new OriginPolicyServer(o => o is Probe.Origin or "null"), "--audit", "--json");

        using var document = JsonDocument.Parse(output);
        document.RootElement.GetProperty("audited").GetBoolean().Should().BeTrue();
        var finding = document.RootElement.GetProperty("securityFindings").EnumerateArray().Single();
        finding.GetProperty("code").GetString().Should().Be("CORS203");
        finding.GetProperty("acceptedOrigin").GetString().Should().Be("null");
        finding.GetProperty("cwe").GetString().Should().Be("CWE-942");
    }

    [Fact]
    public async Task RejectOrigin_Allowed_ExitsOne()
    {
        var (code, output) = await Run(new OriginPolicyServer(_ => true), "--reject-origin", "https://evil.example");

        code.Should().Be(1);
        output.Should().Contain("CORS017");
    }

    [Fact]
    public async Task RejectOrigin_Refused_ExitsZero()
    {
        var (code, _) = await Run(OriginPolicyServer.Exact(Probe.Origin), "--reject-origin", "https://evil.example", "--reject-origin", "null");

        code.Should().Be(0);
    }
}

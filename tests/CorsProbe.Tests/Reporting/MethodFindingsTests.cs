using CorsProbing.Reporting;

namespace CorsProbing.Tests.Reporting;

/// <summary>A finding about the same thing for several methods is one finding that names the methods.</summary>
public class MethodFindingsTests
{
    [Fact]
    public async Task AHeaderEveryPreflightLacks_IsOneFinding_NamingEveryMethod()
    {
        var server = new StubCorsServer().With("Access-Control-Allow-Methods", "GET, PUT, DELETE");

        var report = await Probe.Through(server).RequireMethods("GET", "PUT", "DELETE").RequireHeader("Content-Type", "application/json").RunAsync();

        var missing = report.Findings.Should().ContainSingle(f => f.Code == CorsFindingCodes.AllowOriginMissing).Which;
        missing.Method.Should().Be("GET, PUT, DELETE");
        missing.Methods.Should().Equal("GET", "PUT", "DELETE");
        missing.ToString().Should().StartWith("CORS005 Error [GET, PUT, DELETE] Access-Control-Allow-Origin missing: The preflight response has no Access-Control-Allow-Origin header");
        report.Findings.Should().ContainSingle(f => f.Code == CorsFindingCodes.HeaderNotAllowed).Which.Methods.Should().HaveCount(3);
    }

    [Fact]
    public async Task FindingsThatSayDifferentThingsPerMethod_StaySeparate()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "GET");

        var report = await Probe.Through(server).RequireMethods("PUT", "DELETE").RunAsync();

        report.Findings.Where(f => f.Code == CorsFindingCodes.MethodNotAllowed).Select(f => f.Method).Should().Equal("PUT", "DELETE");
    }

    [Fact]
    public async Task AMergedFinding_RoundTripsThroughJson_WithItsMethods()
    {
        var report = await Probe.Through(new StubCorsServer()).RequireMethods("PUT", "DELETE").RunAsync();

        var read = CorsReport.FromJson(report.ToJson());

        read.Findings.Single(f => f.Code == CorsFindingCodes.AllowOriginMissing).Methods.Should().Equal("PUT", "DELETE");
    }

    [Fact]
    public void DraftsThatDifferInMoreThanTheMethod_AreNotMerged()
    {
        List<FindingDraft> drafts =
        [
            new("CORS104", "Max-Age", "GET", FindingScope.Preflight, CorsSeverity.Info, "No max-age.", null),
            new("CORS104", "Max-Age", "PUT", FindingScope.Preflight, CorsSeverity.Info, "No max-age.", null) { BrowserSendsPreflight = false },
            new("CORS104", "Max-Age", "DELETE", FindingScope.Preflight, CorsSeverity.Info, "No max-age.", null),
            new("CORS015", "Port", null, FindingScope.Port, CorsSeverity.Error, "Port.", null),
        ];

        MethodFindings.Apply(drafts);

        drafts.Select(d => d.Method).Should().Equal("GET, DELETE", "PUT", null);
    }
}

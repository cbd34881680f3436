using System.Reflection;
using System.Text.Json;
using CorsProbing.Serialization;
using CorsProbing.Testing;

namespace CorsProbing.Tests.Serialization;

/// <summary>Reports as SARIF 2.1.0: valid by Microsoft's validator, one rule per code, levels by severity, located at the URL.</summary>
public class SarifTests
{
    private static Task<CorsReport> DeniedAsync() =>
        Probe.Through(StubCorsServer.Allowing("https://other.example", methods: "GET")).RequireMethods("PUT", "DELETE").RunAsync();

    [Fact]
    public async Task One_report_is_a_valid_log_with_a_result_per_finding_located_at_its_URL()
    {
        var report = await DeniedAsync();

        var sarif = report.ToSarif();

        var validation = await SarifValidator.ValidateAsync(sarif, TestContext.Current.CancellationToken);
        validation.ExitCode.Should().Be(0, validation.Output);
        validation.Problems.Should().BeEmpty(validation.Output);
        using var log = JsonDocument.Parse(sarif);
        log.RootElement.GetProperty("version").GetString().Should().Be("2.1.0");
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("ruleId").GetString()).Should().Equal(report.Findings.Select(f => f.Code));
        results.Select(r => r.GetProperty("level").GetString()).Should().Equal(report.Findings.Select(f => f.Severity switch
        {
            CorsSeverity.Error => "error",
            CorsSeverity.Warning => "warning",
            _ => "note",
        }));
        var location = results[0].GetProperty("locations")[0];
        location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be(SarifLocation.PathOf(report.Url));
        location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString().Should().Be(report.Url.OriginalString);
        results[0].GetProperty("properties").GetProperty("url").GetString().Should().Be(report.Url.OriginalString);
    }

    [Fact]
    public async Task Many_reports_make_one_run_whose_rules_are_the_codes_that_occur_once_each()
    {
        var reports = new[] { await DeniedAsync(), await DeniedAsync() };

        using var log = JsonDocument.Parse(reports.ToSarif());

        var run = log.RootElement.GetProperty("runs").EnumerateArray().Should().ContainSingle().Subject;
        run.GetProperty("results").GetArrayLength().Should().Be(reports.Sum(r => r.Findings.Count));
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString())
            .Should().Equal(reports[0].Findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("https://api.example.com/quests?x=1", "api.example.com/quests")]
    [InlineData("http://127.0.0.1:8080/", "127.0.0.1_8080")]
    [InlineData("https://[::1]:8443/v1/a", "__1_8443/v1/a")]
    public void A_URL_is_located_at_a_path_code_scanning_accepts(string url, string path) =>
        SarifLocation.PathOf(new Uri(url)).Should().Be(path);

    [Fact]
    public void Every_finding_code_has_a_rule_named_after_its_constant()
    {
        var constants = typeof(CorsFindingCodes).GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(f => (string)f.GetValue(null)!, f => f.Name);

        SarifRules.Codes.Should().BeEquivalentTo(constants.Keys);
        constants.Should().OnlyContain(pair => SarifRules.Of(pair.Key).Name == pair.Value);
    }
}

namespace CorsProbing.OpenApi.Tests;

/// <summary>
/// The same API written as OpenAPI 2.0, 3.0 and 3.1, in JSON and YAML, probed against its CORS policy as ASP.NET Core
/// and as nginx set it up: every version gives every operation its known verdict on both.
/// </summary>
public sealed class DocumentVersionTests(QuestsApi aspNetCore, NginxQuestsApi nginx) : IClassFixture<QuestsApi>, IClassFixture<NginxQuestsApi>
{
    public static TheoryData<string, string> Documents => new()
    {
        { "ASP.NET Core", "quests.2.0.yaml" }, { "ASP.NET Core", "quests.2.0.json" }, { "ASP.NET Core", "quests.3.0.yaml" },
        { "ASP.NET Core", "quests.3.0.json" }, { "ASP.NET Core", "quests.3.1.yaml" }, { "ASP.NET Core", "quests.3.1.json" },
        { "nginx", "quests.2.0.yaml" }, { "nginx", "quests.3.0.json" }, { "nginx", "quests.3.1.yaml" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_operation_of_every_version_gets_the_verdict_its_CORS_setup_gives(string server, string document)
    {
        var report = await OpenApiProbe.FromFile(Path.Combine(AppContext.BaseDirectory, "Documents", document))
            .WithOrigin(QuestsApi.Origin)
            .WithServer((server == "nginx" ? nginx.BaseUrl : aspNetCore.BaseUrl) + "/v1")
            .ConfigureProbes(probe => probe.AllowLoopback())
            .ProbeAsync(TestContext.Current.CancellationToken);

        // 2.0 has no bearer scheme: its second way of updating a quest is HTTP basic, which also sends Authorization.
        var expected = QuestsApi.Verdicts.ToDictionary(
            pair => document.StartsWith("quests.2.0", StringComparison.Ordinal) ? pair.Key.Replace("bearerAuth", "basicAuth", StringComparison.Ordinal) : pair.Key,
            pair => pair.Value);
        report.Operations.ToDictionary(o => o.Alternative is null ? o.Name : $"{o.Name}; {o.Alternative}", o => o.Verdict)
            .Should().BeEquivalentTo(expected, report.ToString());
        report.Summary.Should().Be(new OpenApiCorsSummary(9, 4, 5, 0));
        report.Operations.Should().OnlyContain(o => o.Location.Line > 0, "every operation's line is known in JSON and YAML");
    }
}

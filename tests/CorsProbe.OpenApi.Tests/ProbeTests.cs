namespace CorsProbing.OpenApi.Tests;

/// <summary>A document read from a URL and probed against its server: relative servers, one preflight per distinct request, safelisted values.</summary>
public sealed class ProbeTests(QuestsApi api) : IClassFixture<QuestsApi>
{
    private OpenApiProbeBuilder Relative()
    {
        api.Preflights.Clear();
        return OpenApiProbe.FromUrl(api.BaseUrl + "/openapi/relative.yaml").WithOrigin(QuestsApi.Origin).ConfigureProbes(probe => probe.AllowLoopback());
    }

    [Fact]
    public async Task A_document_read_from_its_URL_resolves_a_relative_server_against_it()
    {
        var report = await Relative().ProbeAsync(TestContext.Current.CancellationToken);

        report.Operations.Select(o => o.Report.Url.OriginalString).Distinct().Should().Equal(api.BaseUrl + "/v1/items", api.BaseUrl + "/v1/localized");
        report.IsAllowed.Should().BeTrue(report.ToString());
        report.Document.Should().Be(api.BaseUrl + "/openapi/relative.yaml");
    }

    [Fact]
    public async Task Ways_of_calling_that_ask_the_same_preflight_share_one_so_each_distinct_request_is_asked_once()
    {
        var report = await Relative().ProbeAsync(TestContext.Current.CancellationToken);

        report.Operations.Where(o => o.Name == "putItem").Should().HaveCount(4);
        api.Preflights.Where(p => p.Contains("/v1/items", StringComparison.Ordinal)).Order()
            .Should().Equal("PUT /v1/items []", "PUT /v1/items [content-type]");
    }

    [Fact]
    public async Task A_header_sent_with_a_value_browsers_safelist_needs_no_preflight()
    {
        var report = await Relative().ProbeAsync(TestContext.Current.CancellationToken);

        // CorsProbe still asks the server (its evidence), without the safelisted header, and marks the exchange as one no browser sends.
        api.Preflights.Where(p => p.Contains("/v1/localized", StringComparison.Ordinal)).Should().Equal("GET /v1/localized []");
        report.Operations.Single(o => o.Name == "getLocalized").Report.Preflights.Should().OnlyContain(e => !e.BrowserSendsPreflight);
    }

    [Fact]
    public async Task The_parameters_the_caller_gives_reach_the_server()
    {
        api.Preflights.Clear();
        var report = await OpenApiProbe.FromFile(Path.Combine(AppContext.BaseDirectory, "Documents", "quests.3.0.yaml"))
            .WithOrigin(QuestsApi.Origin)
            .WithServer(api.BaseUrl)
            .WithParameter("questId", "7")
            .ConfigureProbes(probe => probe.AllowLoopback())
            .ProbeAsync(TestContext.Current.CancellationToken);

        report.Operations.Single(o => o.Name == "deleteQuest").Report.Url.OriginalString.Should().Be(api.BaseUrl + "/quests/7");
        api.Preflights.Should().Contain("DELETE /quests/7 [x-api-key]");
    }

    [Fact]
    public async Task Optional_headers_left_out_change_the_verdict_they_decided()
    {
        var report = await OpenApiProbe.FromFile(Path.Combine(AppContext.BaseDirectory, "Documents", "quests.3.0.yaml"))
            .WithOrigin(QuestsApi.Origin)
            .WithServer(api.BaseUrl)
            .WithoutOptionalHeaders()
            .ConfigureProbes(probe => probe.AllowLoopback())
            .ProbeAsync(TestContext.Current.CancellationToken);

        report.Operations.Single(o => o.Name == "getQuest").Verdict.Should().Be(CorsVerdict.Allowed, "without its optional X-Request-Id, getQuest asks only for X-Api-Key");
    }
}

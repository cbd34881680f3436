namespace CorsProbing.OpenApi.Tests;

/// <summary>The SSRF guard holds for a document's servers and for the document's own URL, as for any URL.</summary>
public sealed class GuardTests
{
    [Fact]
    public async Task A_document_whose_servers_point_at_a_private_address_gets_every_operation_refused_by_the_guard()
    {
        var report = await OpenApiProbe.FromText(Plans.Document("get:\n  responses: {'200': {description: ok}}\npost:\n  responses: {'200': {description: ok}}\n", servers: "servers:\n  - url: http://10.0.0.1\n"))
            .WithOrigin("https://app.example")
            .ProbeAsync(TestContext.Current.CancellationToken);

        report.Summary.Should().Be(new OpenApiCorsSummary(2, 0, 0, 2));
        report.Operations.Should().OnlyContain(o => o.Report.Findings.Any(f => f.Code == CorsFindingCodes.TargetAddressNotAllowed));
        report.Operations.SelectMany(o => o.Report.Preflights).Should().OnlyContain(e => e.StatusCode == null, "nothing was sent");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/openapi.json", "loopback", "call AllowLoopback() on the builder")]
    [InlineData("http://169.254.169.254/openapi.json", "link-local (cloud metadata)", null)]
    [InlineData("http://192.168.1.1/openapi.json", "private-network", "call AllowPrivateNetworks() on the builder")]
    public async Task A_document_URL_the_network_policy_refuses_is_not_fetched(string url, string addressClass, string? fix)
    {
        var act = () => OpenApiProbe.FromUrl(url).WithOrigin("https://app.example").ProbeAsync(TestContext.Current.CancellationToken);

        var message = (await act.Should().ThrowAsync<OpenApiDocumentException>()).Which.Message;
        message.Should().StartWith($"GET {url} failed: ").And.Contain($"a {addressClass} address, which the network policy refuses");
        if (fix is not null)
        {
            message.Should().Contain(fix);
        }
    }
}

using CorsProbing.Requirements;

namespace CorsProbing.Tests.Requirements;

public class UnsafeHeaderNamesTests
{
    [Fact]
    public void Compute_LowerCasesSortsAndDeduplicates()
    {
        AuthorHeader[] headers =
        [
            new("Orange", "1"), new("Apple", "2"), new("Kiwifruit", "3"),
            new("Content-Type", "application/octet-stream"), new("Strawberry", "4"), new("apple", "5"),
        ];

        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.Chromium).Should().Equal("apple", "content-type", "kiwifruit", "orange", "strawberry");
        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.WebKit).Should().Equal("apple", "content-type", "kiwifruit", "orange", "strawberry");
    }

    [Fact]
    public void Compute_InFirefox_RepeatsANameSetTwice()
    {
        AuthorHeader[] headers = [new("X-Api-Key", "1"), new("x-api-key", "2"), new("X-B", "3")];

        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.Firefox).Should().Equal("x-api-key", "x-api-key", "x-b");
    }

    [Fact]
    public void Compute_LeavesOutUserAgent_InChromiumOnly()
    {
        AuthorHeader[] headers = [new("User-Agent", "tests"), new("X-B", "3")];

        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.Chromium).Should().Equal("x-b");
        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.Firefox).Should().Equal("user-agent", "x-b");
        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.WebKit).Should().Equal("user-agent", "x-b");
    }

    [Fact]
    public void Compute_JudgesTheJoinedValueOfANameSetTwice_ExceptInFirefox()
    {
        var hundred = new string('a', 100);
        AuthorHeader[] headers = [new("Accept", hundred), new("Accept", hundred)];

        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.Chromium).Should().Equal("accept");
        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.WebKit).Should().Equal("accept");
        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.Firefox).Should().BeEmpty("Firefox judges each value as set: 100 bytes each");
    }

    [Fact]
    public void Compute_LeavesOutSafelistedHeaders()
    {
        AuthorHeader[] headers = [new("Accept", "everything"), new("Accept-Language", "everything"), new("Content-Language", "everything"), new("Save-Data", "on")];

        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.Chromium).Should().BeEmpty();
        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.Firefox).Should().Equal("save-data");
    }

    [Fact]
    public void Compute_TreatsHeadersWithoutValueAsUnsafe() =>
        CorsUnsafeHeaderNames.Compute([new AuthorHeader("Content-Type", null)], BrowserEngine.Chromium).Should().Equal("content-type");

    [Fact]
    public void Compute_MakesSafelistedHeadersUnsafe_WhenTheirValuesExceed1024Bytes_ExceptInFirefox()
    {
        var digits = new string('1', 128);
        var headers = new[] { "Accept", "Accept-Language", "Content-Language", "Width", "Viewport-Width", "RTT", "Downlink", "Device-Memory" }
            .Select(name => new AuthorHeader(name, digits)).ToList();
        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.Chromium).Should().BeEmpty("8 x 128 = 1024 bytes is not more than 1024");

        headers.Add(new AuthorHeader("DPR", "2"));
        CorsUnsafeHeaderNames.Compute(headers, BrowserEngine.Chromium).Should().HaveCount(9);

        var repeated = Enumerable.Repeat(new AuthorHeader("Accept-Language", new string('b', 120)), 9).ToList();
        CorsUnsafeHeaderNames.Compute(repeated, BrowserEngine.Firefox).Should().BeEmpty("Firefox sets no limit on the total");
    }

    [Fact]
    public async Task ProbeAsync_SendsUnsafeNamesJoinedByCommaWithoutSpace()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "*");

        await Probe.Through(server)
            .RequireMethods("PUT")
            .RequireHeaders("X-Zeta", "Authorization")
            .RequireHeader("Content-Type", "application/json")
            .RequireHeader("Accept", "*/*")
            .RunAsync();

        server.LastRequest.Header("Access-Control-Request-Headers").Should().Be("authorization,content-type,x-zeta");
    }

    [Fact]
    public async Task ProbeAsync_OmitsRequestHeaders_WhenEveryHeaderIsSafelisted()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        await Probe.Through(server).RequireHeader("Content-Type", "text/plain;charset=UTF-8").RunAsync();

        server.LastRequest.Header("Access-Control-Request-Headers").Should().BeNull();
    }
}

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

        CorsUnsafeHeaderNames.Compute(headers).Should().Equal("apple", "content-type", "kiwifruit", "orange", "strawberry");
    }

    [Fact]
    public void Compute_LeavesOutSafelistedHeaders()
    {
        AuthorHeader[] headers = [new("Accept", "everything"), new("Accept-Language", "everything"), new("Content-Language", "everything"), new("Save-Data", "on")];

        CorsUnsafeHeaderNames.Compute(headers).Should().BeEmpty();
    }

    [Fact]
    public void Compute_TreatsHeadersWithoutValueAsUnsafe() =>
        CorsUnsafeHeaderNames.Compute([new AuthorHeader("Content-Type", null)]).Should().Equal("content-type");

    [Fact]
    public void Compute_MakesSafelistedHeadersUnsafe_WhenTheirValuesExceed1024Bytes()
    {
        var value = new string('a', 128);
        var headers = Enumerable.Range(0, 8).Select(_ => new AuthorHeader("Accept", value)).ToList();
        CorsUnsafeHeaderNames.Compute(headers).Should().BeEmpty("8 x 128 = 1024 bytes is not more than 1024");

        headers.Add(new AuthorHeader("Content-Language", "de"));
        CorsUnsafeHeaderNames.Compute(headers).Should().Equal("accept", "content-language");
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

using CorsProbing.Requirements;

namespace CorsProbing.Tests.Requirements;

public class MethodNormalizationTests
{
    [Theory]
    [InlineData("get", "GET")]
    [InlineData("Delete", "DELETE")]
    [InlineData("head", "HEAD")]
    [InlineData("options", "OPTIONS")]
    [InlineData("post", "POST")]
    [InlineData("put", "PUT")]
    [InlineData("patch", "patch")]
    [InlineData("PATCH", "PATCH")]
    [InlineData("Patch", "Patch")]
    [InlineData("propfind", "propfind")]
    public void Normalize_FollowsFetch_OnlySixMethodsAreUpperCased(string method, string expected) =>
        HttpMethods.Normalize(method).Should().Be(expected);

    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("POST", true)]
    [InlineData("PUT", false)]
    [InlineData("OPTIONS", false)]
    [InlineData("get", false)]
    public void IsSafelisted_IsExactlyGetHeadPost(string method, bool expected) =>
        HttpMethods.IsSafelisted(method).Should().Be(expected);

    [Theory]
    [InlineData("CONNECT")]
    [InlineData("trace")]
    [InlineData("Track")]
    public void IsForbidden_CoversConnectTraceTrackInAnyCase(string method) =>
        HttpMethods.IsForbidden(method).Should().BeTrue();

    [Fact]
    public async Task ProbeAsync_SendsTheNormalizedMethod_PatchKeepsItsCase()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "patch");

        var report = await Probe.Through(server).RequireMethods("patch", "put").RunAsync();

        server.Received.Select(r => r.Header("Access-Control-Request-Method")).Should().Equal("patch", "PUT");
        report.Preflights.Select(p => p.Method).Should().Equal("patch", "PUT");
    }

    [Fact]
    public void RequireMethods_Deduplicates_AfterNormalization()
    {
        var builder = Probe.Through(new StubCorsServer()).RequireMethods("put", "PUT", "Put");

        builder.ToString().Should().Contain("PUT").And.NotContain("PUT, PUT");
    }
}

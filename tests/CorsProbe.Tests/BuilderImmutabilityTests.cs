namespace CorsProbing.Tests;

public class BuilderImmutabilityTests
{
    [Fact]
    public void EveryCall_ReturnsANewBuilder()
    {
        var template = CorsProbe.For(Probe.Url);

        template.WithOrigin(Probe.Origin).Should().NotBeSameAs(template);
        template.RequireMethods("PUT").Should().NotBeSameAs(template);
        template.RequireHeaders("X-A").Should().NotBeSameAs(template);
        template.WithCredentials().Should().NotBeSameAs(template);
    }

    [Fact]
    public async Task ATemplate_IsUnchanged_AfterDerivingFromIt()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "*");
        var template = Probe.Through(server);

        _ = template.RequireMethods("PUT").RequireHeaders("X-Custom").WithCredentials();
        await template.RunAsync();

        server.LastRequest.Header("Access-Control-Request-Method").Should().Be("GET");
        server.LastRequest.Header("Access-Control-Request-Headers").Should().BeNull();
        server.Received.Should().HaveCount(1);
    }

    [Fact]
    public async Task Derivations_DoNotSeeEachOthersRequirements()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, headers: "*");
        var template = Probe.Through(server).RequireMethods("PUT");

        var withDelete = template.RequireMethods("DELETE");
        var withPatch = template.RequireMethods("PATCH");

        (await withDelete.RunAsync()).Preflights.Select(p => p.Method).Should().Equal("PUT", "DELETE");
        (await withPatch.RunAsync()).Preflights.Select(p => p.Method).Should().Equal("PUT", "PATCH");
    }

    [Fact]
    public async Task ATemplate_CanBeProbedConcurrently()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);
        var template = Probe.Through(server).RequireMethods("GET", "PUT");

        var reports = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => template.RunAsync()));

        reports.Should().OnlyContain(r => r.IsAllowed);
        server.Received.Should().HaveCount(40);
    }
}

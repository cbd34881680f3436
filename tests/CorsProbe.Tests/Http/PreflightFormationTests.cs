namespace CorsProbing.Tests.Http;

public class PreflightFormationTests
{
    [Fact]
    public async Task APreflight_IsAnOptionsRequestWithExactlyTheBrowsersCorsHeaders()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        await Probe.Through(server).RequireMethods("PUT").RequireHeaders("X-Custom").RunAsync();

        var request = server.LastRequest;
        request.Method.Should().Be(HttpMethod.Options);
        request.RequestUri!.OriginalString.Should().Be(Probe.Url);
        request.Header("Origin").Should().Be(Probe.Origin);
        request.Header("Accept").Should().Be("*/*");
        request.Header("Access-Control-Request-Method").Should().Be("PUT");
        request.Header("Access-Control-Request-Headers").Should().Be("x-custom");
        request.Header("User-Agent").Should().StartWith("CorsProbe/");
    }

    [Fact]
    public async Task APreflight_CarriesNoCredentialsOrAuthorHeaders_EvenInCredentialsMode()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        await Probe.Through(server).WithCredentials().RequireHeader("Authorization", "Bearer secret").RequireHeader("X-Api-Key", "k").RunAsync();

        var names = server.LastRequest.Headers.NonValidated.Select(h => h.Key).ToArray();
        names.Should().BeEquivalentTo(["Accept", "Access-Control-Request-Method", "Access-Control-Request-Headers", "Origin", "User-Agent"]);
        server.LastRequest.Content.Should().BeNull();
    }

    [Fact]
    public async Task OnePreflightIsSentPerMethod_InOrder()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        var report = await Probe.Through(server).RequireMethods("GET", "POST", "DELETE").RunAsync();

        server.Received.Select(r => r.Header("Access-Control-Request-Method")).Should().Equal("GET", "POST", "DELETE");
        report.Preflights.Should().HaveCount(3);
    }

    [Fact]
    public async Task ThePlaceholdersOfAUrl_AreSentLiterally()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        await CorsProbe.For("https://api.example.com/check?address=$address&id={id}").WithOrigin(Probe.Origin).UsingHandler(server).RunAsync();

        server.LastRequest.RequestUri!.PathAndQuery.Should().Be("/check?address=$address&id={id}");
    }

    [Fact]
    public async Task TheGalxeProfile_DefaultsToTheDashboardOrigin()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        var report = await CorsProbe.ForGalxe(Probe.Url).UsingHandler(server).RunAsync();

        server.LastRequest.Header("Origin").Should().Be("https://dashboard.galxe.com");
        report.Profile.Should().Be(CorsProfile.Galxe);
        report.Origin.Should().Be("https://dashboard.galxe.com");
    }

    [Fact]
    public async Task AnOpaqueOrigin_IsSentAsNull()
    {
        var server = StubCorsServer.Allowing("null");

        var report = await CorsProbe.For(Probe.Url).WithOrigin("null").UsingHandler(server).RunAsync();

        server.LastRequest.Header("Origin").Should().Be("null");
        report.IsAllowed.Should().BeTrue();
    }

    [Fact]
    public async Task TheExchange_RecordsTheRawResponseLines()
    {
        var server = StubCorsServer.Allowing(Probe.Origin).With("Access-Control-Allow-Methods", "PATCH");

        var exchange = (await Probe.Through(server).RunAsync()).Preflights.Single();

        exchange.StatusCode.Should().Be(204);
        exchange.ResponseHeaders.Where(h => h.Key == "Access-Control-Allow-Methods").Select(h => h.Value)
            .Should().Equal("GET, POST, PUT, DELETE", "PATCH");
        exchange.RequestHeader("access-control-request-method").Should().Be("GET");
    }
}

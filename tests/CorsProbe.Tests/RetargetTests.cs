namespace CorsProbing.Tests;

/// <summary><see cref="CorsProbeBuilder.ForUrl(string)"/>: one template, many URLs.</summary>
public class RetargetTests
{
    private const string Other = "https://api.other.example/v2/quests?id={id}";

    [Fact]
    public async Task ForUrl_KeepsEveryRequirement_AndChangesOnlyTheUrl()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "PUT", headers: "x-api-key");
        var template = Probe.Through(server).RequireMethods("PUT").RequireHeader("X-Api-Key", "k").WithTimeout(TimeSpan.FromSeconds(3));

        var report = await template.ForUrl(Other).RunAsync();

        report.Url.OriginalString.Should().Be(Other, "the URL is sent as written, placeholders included");
        server.LastRequest.RequestUri!.OriginalString.Should().Be(Other);
        server.LastRequest.Header("Access-Control-Request-Method").Should().Be("PUT");
        server.LastRequest.Header("Access-Control-Request-Headers").Should().Be("x-api-key");
        server.LastRequest.Header("Origin").Should().Be(Probe.Origin);
        report.Verdict.Should().Be(CorsVerdict.Allowed, report.ToString());
        template.Url.OriginalString.Should().Be(Probe.Url, "the template is unchanged");
    }

    [Fact]
    public async Task ATemplateProbedFirst_AndRetargeted_SendsTheSamePreflight_ToEachUrl()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "PUT");
        var template = Probe.Through(server).RequireMethods("PUT");
        await template.RunAsync();

        var reports = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => template.ForUrl($"https://api{i}.example/x").RunAsync()));

        reports.Select(r => r.Url.Host).Should().Equal("api1.example", "api2.example", "api3.example");
        server.Received.Select(r => r.RequestUri!.Host).Should().BeEquivalentTo(["api.example.com", "api1.example", "api2.example", "api3.example"]);
        server.Received.Select(r => r.Header("Access-Control-Request-Method")).Should().OnlyContain(method => method == "PUT");
        reports.Should().OnlyContain(r => r.Preflights[0].Url.Host == r.Url.Host);
    }

    [Fact]
    public async Task ARetargetedProbe_CanStillBeRefined()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "PUT, DELETE");
        var template = Probe.Through(server).RequireMethods("PUT");

        var report = await template.ForUrl(Other).RequireMethods("DELETE").RunAsync();

        report.Preflights.Select(p => (p.Method, p.Url.OriginalString)).Should().Equal(("PUT", Other), ("DELETE", Other));
    }

    [Fact]
    public async Task ATemplateWithoutAnOrigin_RetargetsFreely_AndProbingSaysWhatIsMissing()
    {
        var retargeted = CorsProbe.For(Probe.Url).ForUrl(Other);

        retargeted.Url.OriginalString.Should().Be(Other);
        await FluentActions.Awaiting(() => retargeted.RunAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*WithOrigin*");
    }

    [Theory]
    [InlineData("api.example.com/quests", "is not an absolute URL")]
    [InlineData("/quests", "is not an absolute URL")]
    [InlineData("ftp://files.example/x", "uses the scheme 'ftp'")]
    [InlineData("https://api.example.com/a b", "contains whitespace")]
    public void ForUrl_ValidatesLikeFor(string url, string message)
    {
        var template = CorsProbe.For(Probe.Url).WithOrigin(Probe.Origin);

        FluentActions.Invoking(() => template.ForUrl(url)).Should().Throw<ArgumentException>().WithMessage($"*{message}*").Which.ParamName.Should().Be("url");
        FluentActions.Invoking(() => template.ForUrl(new Uri("/relative", UriKind.Relative))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("url");
        FluentActions.Invoking(() => template.ForUrl((string)null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("url");
        FluentActions.Invoking(() => template.ForUrl((Uri)null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("url");
    }

    [Fact]
    public void ForUrl_OfAUri_KeepsItAsWritten() =>
        CorsProbe.For(Probe.Url).ForUrl(new Uri("https://api.example.com/a/%7Bid%7D")).Url.OriginalString.Should().Be("https://api.example.com/a/%7Bid%7D");
}

namespace CorsProbing.Tests;

public class BuilderValidationTests
{
    [Theory]
    [InlineData("/quests")]
    [InlineData("api.example.com/quests")]
    [InlineData("ftp://api.example.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://api.example.com/a b")]
    [InlineData("https://api.example.com/\r\nX: y")]
    [InlineData("https://user:pass@api.example.com/")]
    [InlineData("https://api.example.com:0/")]
    public void For_RejectsUrlsThatCannotBeProbed(string url) =>
        FluentActions.Invoking(() => CorsProbe.For(url)).Should().Throw<ArgumentException>().WithParameterName("url");

    [Theory]
    [InlineData("https://api.example.com:0/", "port 0")]
    [InlineData("https://user:pass@api.example.com/", "user information")]
    [InlineData("ftp://api.example.com/", "http and https URLs only")]
    public void For_NamesTheRuleAUrlBreaks(string url, string rule) =>
        FluentActions.Invoking(() => CorsProbe.For(url)).Should().Throw<ArgumentException>().WithMessage($"*{rule}*");

    [Fact]
    public void For_RejectsNull() =>
        FluentActions.Invoking(() => CorsProbe.For((string)null!)).Should().Throw<ArgumentNullException>();

    [Fact]
    public void For_RejectsARelativeUri() =>
        FluentActions.Invoking(() => CorsProbe.For(new Uri("/x", UriKind.Relative))).Should().Throw<ArgumentException>();

    [Theory]
    [InlineData("https://api.example.com/check?address=$address")]
    [InlineData("https://api.example.com/users/{id}/quests?x=%41")]
    [InlineData("https://api.example.com/a/../b")]
    public void For_KeepsPathAndQueryExactlyAsGiven(string url) =>
        CorsProbe.For(url).Url.PathAndQuery.Should().Be(url["https://api.example.com".Length..]);

    [Fact]
    public void For_DropsTheFragment_AsBrowsersNeverSendIt() =>
        CorsProbe.For("https://api.example.com/a?b=1#top").Url.OriginalString.Should().Be("https://api.example.com/a?b=1");

    [Theory]
    [InlineData("https://dashboard.galxe.com/")]
    [InlineData("https://dashboard.galxe.com/path")]
    [InlineData("https://dashboard.galxe.com?x=1")]
    [InlineData("https://dashboard.galxe.com#x")]
    [InlineData("https://Dashboard.galxe.com")]
    [InlineData("HTTPS://dashboard.galxe.com")]
    [InlineData("https://dashboard.galxe.com:443")]
    [InlineData("http://localhost:80")]
    [InlineData("https://dashboard.galxe.com:0")]
    [InlineData("https://dashboard.galxe.com:99999")]
    [InlineData("https://dashboard.galxe.com:")]
    [InlineData("https://dashboard.galxe.com\r\nX-Injected: 1")]
    [InlineData("https://dash board.galxe.com")]
    [InlineData("https://user@dashboard.galxe.com")]
    [InlineData("dashboard.galxe.com")]
    [InlineData("https://")]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("http://[::1")]
    [InlineData("http://[::1]x")]
    [InlineData("http://[::1]:")]
    [InlineData("http://[::1]:80")]
    [InlineData("http://a]b:8080")]
    public void WithOrigin_RejectsValuesThatAreNotSerializedOrigins(string origin) =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).WithOrigin(origin))
            .Should().Throw<ArgumentException>().WithParameterName("origin").WithMessage("*serialized origin*");

    [Theory]
    [InlineData("https://dashboard.galxe.com")]
    [InlineData("http://localhost:5173")]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://[::1]:3000")]
    [InlineData("http://[::1]")]
    [InlineData("http://[2001:db8::1]:8443")]
    [InlineData("null")]
    [InlineData("chrome-extension://abcdefghijklmnop")]
    public void WithOrigin_AcceptsSerializedOrigins(string origin) =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).WithOrigin(origin)).Should().NotThrow();

    [Theory]
    [InlineData("GET POST")]
    [InlineData("GET,POST")]
    [InlineData("")]
    [InlineData("PUT\r\n")]
    [InlineData("\"PUT\"")]
    public void RequireMethods_RejectsValuesThatAreNotTokens(string method) =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).RequireMethods(method))
            .Should().Throw<ArgumentException>().WithParameterName("methods");

    [Theory]
    [InlineData("CONNECT")]
    [InlineData("trace")]
    [InlineData("TRACK")]
    public void RequireMethods_RejectsForbiddenMethods(string method) =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).RequireMethods(method))
            .Should().Throw<ArgumentException>().WithMessage("*forbidden method*");

    [Fact]
    public void RequireMethods_RejectsAnEmptyList() =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).RequireMethods()).Should().Throw<ArgumentException>();

    [Theory]
    [InlineData("Cookie")]
    [InlineData("origin")]
    [InlineData("Host")]
    [InlineData("Sec-Fetch-Mode")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Access-Control-Request-Method")]
    public void RequireHeaders_RejectsForbiddenHeaderNames(string name) =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).RequireHeaders(name))
            .Should().Throw<ArgumentException>().WithMessage("*forbidden request-header*");

    [Theory]
    [InlineData("X A")]
    [InlineData("X-A:")]
    [InlineData("")]
    public void RequireHeaders_RejectsNamesThatAreNotTokens(string name) =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).RequireHeaders(name)).Should().Throw<ArgumentException>();

    [Fact]
    public void RequireHeader_RejectsAMethodOverrideNamingAForbiddenMethod() =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).RequireHeader("X-HTTP-Method-Override", "GET, TRACE"))
            .Should().Throw<ArgumentException>().WithMessage("*forbidden*");

    [Theory]
    [InlineData("a\r\nb")]
    [InlineData("a\0b")]
    [InlineData("日本")]
    public void RequireHeader_RejectsValuesFetchRejects(string value) =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).RequireHeader("X-Test", value))
            .Should().Throw<ArgumentException>().WithParameterName("value");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void WithTimeout_RejectsNonPositiveDurations(int seconds) =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).WithTimeout(TimeSpan.FromSeconds(seconds)))
            .Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void WithTimeout_RejectsInfinite() =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).WithTimeout(Timeout.InfiniteTimeSpan))
            .Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void UsingProfile_RejectsNull() =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).UsingProfile(null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("profile");

    [Fact]
    public void UsingHandler_RejectsNull() =>
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).UsingHandler(null!)).Should().Throw<ArgumentNullException>();

    [Fact]
    public async Task ProbeAsync_WithoutOriginUnderTheBrowserProfile_TellsTheCallerToCallWithOrigin()
    {
        var act = () => CorsProbe.For(Probe.Url).UsingHandler(new StubCorsServer()).ProbeAsync(TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*WithOrigin*");
    }
}

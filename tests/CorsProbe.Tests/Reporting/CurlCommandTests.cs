using CorsProbing.Reporting;

namespace CorsProbing.Tests.Reporting;

public class CurlCommandTests
{
    [Fact]
    public async Task CurlCommand_ReproducesTheFirstPreflight()
    {
        var report = await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).RequireMethods("PUT").RequireHeaders("X-A").RunAsync();

        report.CurlCommand.Should().Be(
            "curl -i -X OPTIONS --globoff --path-as-is 'https://api.example.com/quests' -H 'Accept: */*' -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: x-a' -H 'Origin: https://dashboard.galxe.com'");
    }

    [Fact]
    public async Task CurlCommand_QuotesASingleQuoteInTheUrl()
    {
        var report = await CorsProbe.For("https://api.example.com/it's?q=$HOME").WithOrigin(Probe.Origin)
            .UsingHandler(StubCorsServer.Allowing(Probe.Origin)).RunAsync();

        report.CurlCommand.Should().Contain("'https://api.example.com/it'\\''s?q=$HOME'");
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$(rm -rf /)", "'$(rm -rf /)'")]
    [InlineData("a`b`", "'a`b`'")]
    public void ShellQuote_MakesEveryValueLiteral(string value, string expected) =>
        CurlCommand.ShellQuote(value).Should().Be(expected);
}

namespace CorsProbing.Tests.Requirements;

public class TargetUrlTests
{
    [Fact]
    public void For_UsesAnOrdinaryUri_WhenCanonicalizationChangesNothing()
    {
        var url = CorsProbe.For("https://api.example.com/check?address=$address").Url;

        url.GetComponents(UriComponents.Path, UriFormat.UriEscaped).Should().Be("check", "handlers such as TestServer read the components");
    }

    [Theory]
    [InlineData("https://api.example.com/users/{id}", "/users/{id}")]
    [InlineData("https://api.example.com/q?x=%41", "/q?x=%41")]
    [InlineData("https://api.example.com/a/../b", "/a/../b")]
    public void For_KeepsALiteralUri_WhenCanonicalizationWouldChangeIt(string url, string pathAndQuery) =>
        CorsProbe.For(url).Url.PathAndQuery.Should().Be(pathAndQuery);

    [Fact]
    public void For_AcceptsAUrlWithoutPath() =>
        CorsProbe.For("https://api.example.com").Url.PathAndQuery.Should().Be("/");

    [Fact]
    public void For_TakesTheOriginalStringOfAUri() =>
        CorsProbe.For(new Uri("https://api.example.com/check?address=$address")).Url.OriginalString
            .Should().Be("https://api.example.com/check?address=$address");
}

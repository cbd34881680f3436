using CorsProbing.Evaluation;

namespace CorsProbing.Tests.Evaluation;

public class HeaderListTests
{
    private static (List<string> Elements, string? Invalid) Split(string value)
    {
        using var response = Responses.With(("Access-Control-Allow-Methods", value));
        var list = HeaderList.Parse(CorsHeaderValues.Read(Responses.Snapshot(response)).AllowMethods);
        return ([.. list.Elements], list.Invalid);
    }

    [Theory]
    [InlineData("GET", new[] { "GET" })]
    [InlineData("GET,,PUT", new[] { "GET", "PUT" })]
    [InlineData("GET, ,PUT", new[] { "GET", "PUT" })]
    [InlineData(", GET, POST, ,", new[] { "GET", "POST" })]
    [InlineData("X-A, ", new[] { "X-A" })]
    [InlineData("", new string[0])]
    [InlineData(" \t GET \t ,\tPUT", new[] { "GET", "PUT" })]
    public void Tokenizer_SplitsOnCommas_TrimsAndSkipsEmptyElements(string value, string[] expected)
    {
        var (elements, invalid) = Split(value);

        elements.Should().Equal(expected);
        invalid.Should().BeNull();
    }

    [Theory]
    [InlineData("\"GET, PUT\", DELETE", "\"GET, PUT\"")]
    [InlineData("GET, \"a\\\"b,c\", d", "\"a\\\"b,c\"")]
    [InlineData("GET POST", "GET POST")]
    [InlineData("PUT, GET;PUT", "GET;PUT")]
    public void Tokenizer_KeepsQuotedCommasInOneElement_AndNamesTheFirstInvalidElement(string value, string expected) =>
        Split(value).Invalid.Should().Be(expected);

    [Theory]
    [InlineData("GET, PUT", true)]
    [InlineData("GET,,PUT", true)]
    [InlineData("", true)]
    [InlineData("GET POST", false)]
    [InlineData("GET;PUT", false)]
    [InlineData("\"PUT\"", false)]
    [InlineData("\"GET, PUT\"", false)]
    [InlineData("PUT/1", false)]
    [InlineData("X-A X-B", false)]
    [InlineData("X-A:1", false)]
    [InlineData("X-A@example", false)]
    [InlineData("*", true)]
    [InlineData("GÉT", false)]
    public void IsValid_RequiresEveryElementToBeAToken(string value, bool expected)
    {
        using var response = Responses.With(("Access-Control-Allow-Methods", value));

        Responses.IsValidList(response, "access-control-allow-methods").Should().Be(expected);
    }

    [Fact]
    public void IsValid_ChecksEveryLine()
    {
        using var response = Responses.With(("Access-Control-Allow-Methods", "GET"), ("Access-Control-Allow-Methods", "PUT DELETE"));

        Responses.IsValidList(response, "Access-Control-Allow-Methods").Should().BeFalse();
    }

    [Theory]
    [InlineData("Access-Control-Allow-Origin")]
    [InlineData("Access-Control-Allow-Credentials")]
    [InlineData("Access-Control-Allow-Methods")]
    [InlineData("Access-Control-Allow-Headers")]
    [InlineData("Vary")]
    [InlineData("Location")]
    public void TheVerdictsHeaders_CanNeverLandInContentHeaders_SoOnlyResponseHeadersAreRead(string name)
    {
        using var response = Responses.With();

        response.Content.Headers.TryAddWithoutValidation(name, "x").Should().BeFalse();
    }

    [Fact]
    public void MaxAge_IsAResponseHeaderFirst_AsSocketsHttpHandlerTestServerAndMockHttpStoreIt()
    {
        // .NET would also accept it among content headers, but every transport tries the response headers first;
        // it only affects the CORS104 note, never a verdict.
        using var response = Responses.With();

        response.Headers.TryAddWithoutValidation("Access-Control-Max-Age", "600").Should().BeTrue();
        MaxAge.ReadIn(Responses.Field(response, "Access-Control-Max-Age"), BrowserEngine.Chromium).Should().Be(new EngineMaxAge(600, MaxAgeKind.Valid));
    }
}

using CorsProbing.Evaluation;

namespace CorsProbing.Tests.Evaluation;

public class HeaderListTests
{
    private static List<string> Split(string value)
    {
        var items = new List<string>();
        foreach (var element in new HeaderListTokenizer(value))
        {
            items.Add(element.ToString());
        }

        return items;
    }

    [Theory]
    [InlineData("GET", new[] { "GET" })]
    [InlineData("GET,,PUT", new[] { "GET", "PUT" })]
    [InlineData("GET, ,PUT", new[] { "GET", "PUT" })]
    [InlineData(", GET, POST, ,", new[] { "GET", "POST" })]
    [InlineData("X-A, ", new[] { "X-A" })]
    [InlineData("", new string[0])]
    [InlineData(" \t GET \t ,\tPUT", new[] { "GET", "PUT" })]
    [InlineData("\"GET, PUT\", DELETE", new[] { "\"GET, PUT\"", "DELETE" })]
    [InlineData("\"a\\\"b,c\", d", new[] { "\"a\\\"b,c\"", "d" })]
    public void Tokenizer_SplitsOnCommasOutsideQuotes_TrimsAndSkipsEmptyElements(string value, string[] expected) =>
        Split(value).Should().Equal(expected);

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

        HeaderList.IsValid(HeaderLines.Read(response, "access-control-allow-methods")).Should().Be(expected);
    }

    [Fact]
    public void IsValid_ChecksEveryLine()
    {
        using var response = Responses.With(("Access-Control-Allow-Methods", "GET"), ("Access-Control-Allow-Methods", "PUT DELETE"));

        HeaderList.IsValid(HeaderLines.Read(response, "Access-Control-Allow-Methods")).Should().BeFalse();
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
        MaxAge.Read(HeaderLines.Read(response, "Access-Control-Max-Age"), out var seconds).Should().Be(MaxAgeKind.Valid);
        seconds.Should().Be(600);
    }
}

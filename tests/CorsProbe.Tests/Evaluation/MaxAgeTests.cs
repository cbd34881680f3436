using CorsProbing.Evaluation;

namespace CorsProbing.Tests.Evaluation;

public class MaxAgeTests
{
    [Theory]
    [InlineData("600", "Valid", 600)]
    [InlineData("7200", "Valid", 7200)]
    [InlineData("86400", "Capped", 7200)]
    [InlineData("0", "Valid", 0)]
    [InlineData("-1", "Negative", 0)]
    [InlineData("-765", "Negative", 0)]
    [InlineData("abc", "Invalid", 5)]
    [InlineData("1.5", "Invalid", 5)]
    [InlineData("", "Missing", 5)]
    [InlineData("99999999999999999999", "Invalid", 5)]
    [InlineData("+10", "Valid", 10)]
    [InlineData(" 10 ", "Valid", 10)]
    [InlineData("10\u0000", "Invalid", 5)]
    [InlineData("1 0", "Invalid", 5)]
    [InlineData("+-1", "Invalid", 5)]
    [InlineData("\u0663", "Invalid", 5)]
    public void ReadIn_FollowsChromium(string value, string kind, int seconds)
    {
        using var response = Responses.With(("Access-Control-Max-Age", value));

        MaxAge.ReadIn(Responses.Field(response, "Access-Control-Max-Age"), BrowserEngine.Chromium).Should().Be(new EngineMaxAge(seconds, Enum.Parse<MaxAgeKind>(kind)));
    }

    [Theory]
    [InlineData("600", "Valid", 600)]
    [InlineData("86400", "Valid", 86400)]
    [InlineData("86401", "Capped", 86400)]
    [InlineData("99999999999999999999", "Capped", 86400)]
    [InlineData("-1", "Negative", 0)]
    [InlineData("+10", "Invalid", 0)]
    [InlineData("1.5", "Invalid", 0)]
    [InlineData("10abc", "Invalid", 0)]
    [InlineData("", "Missing", 5)]
    public void ReadIn_FollowsFirefox(string value, string kind, int seconds)
    {
        using var response = Responses.With(("Access-Control-Max-Age", value));

        MaxAge.ReadIn(Responses.Field(response, "Access-Control-Max-Age"), BrowserEngine.Firefox).Should().Be(new EngineMaxAge(seconds, Enum.Parse<MaxAgeKind>(kind)));
    }

    [Fact]
    public void ReadIn_TreatsAnAbsentHeaderAsMissing_FiveSeconds()
    {
        using var response = Responses.With();

        MaxAge.ReadIn(Responses.Field(response, "Access-Control-Max-Age"), BrowserEngine.Chromium).Should().Be(new EngineMaxAge(5, MaxAgeKind.Missing));
    }

    [Fact]
    public void ReadIn_TreatsTwoLinesAsInvalid()
    {
        using var response = Responses.With(("Access-Control-Max-Age", "10"), ("Access-Control-Max-Age", "20"));

        MaxAge.ReadIn(Responses.Field(response, "Access-Control-Max-Age"), BrowserEngine.Chromium).Should().Be(new EngineMaxAge(5, MaxAgeKind.Invalid));
    }
}

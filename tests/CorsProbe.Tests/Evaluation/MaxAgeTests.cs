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
    [InlineData("", "Invalid", 5)]
    [InlineData("99999999999999999999", "Invalid", 5)]
    [InlineData("+10", "Valid", 10)]
    [InlineData(" 10 ", "Valid", 10)]
    [InlineData("10\u0000", "Invalid", 5)]
    [InlineData("1 0", "Invalid", 5)]
    [InlineData("+-1", "Invalid", 5)]
    [InlineData("\u0663", "Invalid", 5)]
    public void Read_FollowsChromium(string value, string kind, int seconds)
    {
        using var response = Responses.With(("Access-Control-Max-Age", value));

        MaxAge.Read(Responses.Field(response, "Access-Control-Max-Age"), out var effective).Should().Be(Enum.Parse<MaxAgeKind>(kind));
        effective.Should().Be(seconds);
    }

    [Fact]
    public void Read_TreatsAnAbsentHeaderAsMissing_FiveSeconds()
    {
        using var response = Responses.With();

        MaxAge.Read(Responses.Field(response, "Access-Control-Max-Age"), out var effective).Should().Be(MaxAgeKind.Missing);
        effective.Should().Be(5);
    }

    [Fact]
    public void Read_TreatsTwoLinesAsInvalid()
    {
        using var response = Responses.With(("Access-Control-Max-Age", "10"), ("Access-Control-Max-Age", "20"));

        MaxAge.Read(Responses.Field(response, "Access-Control-Max-Age"), out var effective).Should().Be(MaxAgeKind.Invalid);
        effective.Should().Be(5);
    }
}

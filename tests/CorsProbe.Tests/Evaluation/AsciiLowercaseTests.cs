using CorsProbing.Evaluation;
using CsCheck;

namespace CorsProbing.Tests.Evaluation;

public class AsciiLowercaseTests
{
    [Theory]
    [InlineData("Content-Type", "content-type")]
    [InlineData("CONTENT-TYPE", "content-type")]
    [InlineData("x-api-key", "x-api-key")]
    [InlineData("Origin", "origin")]
    [InlineData("A", "a")]
    [InlineData("", "")]
    [InlineData("X-Very-Long-Custom-Header-Name-Beyond-One-Vector", "x-very-long-custom-header-name-beyond-one-vector")]
    public void EqualsFolded_MatchesWhateverTheCaseOfTheValue(string value, string lowercase) =>
        AsciiLowercase.EqualsFolded(value, lowercase).Should().BeTrue();

    [Theory]
    [InlineData("Content-Typ", "content-type")]
    [InlineData("Content-Typf", "content-type")]
    [InlineData("Xontent-Type", "content-type")]
    [InlineData("content_type", "content-type")]
    [InlineData("@", "`")]                          // '@' | 0x20 is '`': only A-Z fold
    [InlineData("[", "{")]                          // '[' | 0x20 is '{'
    [InlineData("\u212Aelvin-header", "kelvin-header")] // the Kelvin sign is not ASCII K
    public void EqualsFolded_RejectsAnythingButAsciiLetterCase(string value, string lowercase) =>
        AsciiLowercase.EqualsFolded(value, lowercase).Should().BeFalse();

    [Fact]
    public void EqualsFolded_AgreesWithFoldingAToZByHand()
    {
        var chars = Gen.Char["abcXYZ-_@[`{\u00e9\u212A09"];
        Gen.Select(Gen.String[chars, 0, 40], Gen.String[chars, 0, 40]).Sample((value, other) =>
        {
            var lowercase = FoldAsciiUpper(other);
            AsciiLowercase.EqualsFolded(value, lowercase).Should().Be(FoldAsciiUpper(value) == lowercase);
            AsciiLowercase.EqualsFolded(value, FoldAsciiUpper(value)).Should().BeTrue();
        }, iter: 20_000);
    }

    private static string FoldAsciiUpper(string s) =>
        string.Concat(s.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));
}

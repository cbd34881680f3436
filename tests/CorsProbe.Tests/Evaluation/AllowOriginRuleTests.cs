using System.Net;
using CorsProbing.Evaluation;

namespace CorsProbing.Tests.Evaluation;

public class AllowOriginRuleTests
{
    private static CorsChecks Check(string origin, bool credentials, params (string, string)[] lines)
    {
        using var response = Responses.With(HttpStatusCode.OK, lines);
        var context = Responses.Context("GET", origin, credentials);
        return Responses.EvaluatePreflight(response, context).Checks & CorsChecks.CorsCheck;
    }

    [Fact]
    public void Wildcard_PassesWithoutCredentials() =>
        Check(Probe.Origin, false, ("Access-Control-Allow-Origin", "*")).Should().Be(CorsChecks.None);

    [Fact]
    public void Wildcard_FailsWithCredentials_EvenWithAllowCredentialsTrue() =>
        Check(Probe.Origin, true, ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Credentials", "true"))
            .Should().Be(CorsChecks.WildcardWithCredentials);

    [Fact]
    public void ExactOrigin_Passes() =>
        Check(Probe.Origin, false, ("Access-Control-Allow-Origin", Probe.Origin)).Should().Be(CorsChecks.None);

    [Fact]
    public void ExactOrigin_IsTrimmedOfSpacesAndTabs() =>
        Check(Probe.Origin, false, ("Access-Control-Allow-Origin", " \t" + Probe.Origin + "\t ")).Should().Be(CorsChecks.None);

    [Fact]
    public void Absent_IsMissing() =>
        Check(Probe.Origin, false).Should().Be(CorsChecks.AllowOriginMissing);

    [Fact]
    public void AMisspelledName_IsMissing() =>
        Check(Probe.Origin, false, ("Access-Control-Allow-Orign", Probe.Origin)).Should().Be(CorsChecks.AllowOriginMissing);

    [Fact]
    public void TheNameIsCaseInsensitive() =>
        Check(Probe.Origin, false, ("access-control-allow-origin", Probe.Origin)).Should().Be(CorsChecks.None);

    [Theory]
    [InlineData("https://DASHBOARD.galxe.com")]
    [InlineData("HTTPS://dashboard.galxe.com")]
    [InlineData("https://dashboard.galxe.com/")]
    [InlineData("https://dashboard.galxe.com:443")]
    [InlineData("http://dashboard.galxe.com")]
    [InlineData("https://galxe.com")]
    [InlineData("https://*.galxe.com")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("'*'")]
    [InlineData("\"*\"")]
    [InlineData("**")]
    [InlineData("dashboard.galxe.com")]
    [InlineData("https://dashboard.galxe.com/path")]
    public void AnythingButTheExactOrigin_IsAMismatch(string value) =>
        Check(Probe.Origin, false, ("Access-Control-Allow-Origin", value)).Should().Be(CorsChecks.AllowOriginMismatch);

    [Theory]
    [InlineData("https://dashboard.galxe.com, https://other.example")]
    [InlineData("https://dashboard.galxe.com https://other.example")]
    [InlineData("https://a.example,https://b.example")]
    public void AListInOneLine_IsMultiple(string value) =>
        Check(Probe.Origin, false, ("Access-Control-Allow-Origin", value)).Should().Be(CorsChecks.AllowOriginMultiple);

    [Fact]
    public void ASpaceOrComma_AnywhereInside_IsMultiple_AndWithoutOne_AMismatch()
    {
        // Every inner position of values from 3 to 40 characters (the ends are trimmed as whitespace).
        for (var length = 3; length <= 40; length++)
        {
            var plain = "x" + new string('a', length - 2) + "x";
            Check(Probe.Origin, false, ("Access-Control-Allow-Origin", plain)).Should().Be(CorsChecks.AllowOriginMismatch, plain);
            for (var at = 1; at < length - 1; at++)
            {
                foreach (var separator in " ,")
                {
                    var value = plain[..at] + separator + plain[(at + 1)..];
                    Check(Probe.Origin, false, ("Access-Control-Allow-Origin", value))
                        .Should().Be(CorsChecks.AllowOriginMultiple, "\"{0}\" holds a '{1}' at {2}", value, separator, at);
                }
            }
        }
    }

    [Fact]
    public void TwoLines_AreMultiple_EvenWhenBothMatch() =>
        Check(Probe.Origin, false, ("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Origin", Probe.Origin))
            .Should().Be(CorsChecks.AllowOriginMultiple);

    [Fact]
    public void AnEmptyLineAndAWildcard_AreMultiple() =>
        Check(Probe.Origin, false, ("Access-Control-Allow-Origin", ""), ("Access-Control-Allow-Origin", "*"))
            .Should().Be(CorsChecks.AllowOriginMultiple);

    [Fact]
    public void Null_MatchesAnOpaqueOrigin() =>
        Check("null", false, ("Access-Control-Allow-Origin", "null")).Should().Be(CorsChecks.None);

    [Fact]
    public void Credentials_RequireAllowCredentialsTrue() =>
        Check(Probe.Origin, true, ("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Credentials", "true"))
            .Should().Be(CorsChecks.None);

    [Theory]
    [InlineData("TRUE")]
    [InlineData("True")]
    [InlineData("\"true\"")]
    [InlineData("1")]
    [InlineData("false")]
    [InlineData("")]
    public void Credentials_FailOnAnyAllowCredentialsButTrue(string value) =>
        Check(Probe.Origin, true, ("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Credentials", value))
            .Should().Be(CorsChecks.AllowCredentials);

    [Fact]
    public void Credentials_FailOnTwoTrueLines() =>
        Check(Probe.Origin, true, ("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Credentials", "true"), ("Access-Control-Allow-Credentials", "true"))
            .Should().Be(CorsChecks.AllowCredentials);

    [Fact]
    public void Credentials_FailWithoutAllowCredentials() =>
        Check(Probe.Origin, true, ("Access-Control-Allow-Origin", Probe.Origin)).Should().Be(CorsChecks.AllowCredentials);

    [Fact]
    public void WithoutCredentials_AllowCredentialsIsIgnored() =>
        Check(Probe.Origin, false, ("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Credentials", "nonsense"))
            .Should().Be(CorsChecks.None);
}

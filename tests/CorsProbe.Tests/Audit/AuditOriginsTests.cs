using CorsProbing.Audit;

namespace CorsProbing.Tests.Audit;

public class AuditOriginsTests
{
    [Fact]
    public void ForAnHttpsOrigin_EveryTechniqueHasItsOrigin()
    {
        var origins = AuditOrigins.For("https://dashboard.galxe.com", "0123abcd");

        origins.Select(o => o.Origin).Should().Equal(
            "https://corsprobe-0123abcd.invalid",
            "null",
            "https://dashboard.galxe.com.attacker-0123abcd.example",
            "https://attacker0123abcdgalxe.com",
            "https://dashboardxgalxe.com",
            "https://corsprobe-0123abcd.dashboard.galxe.com",
            "http://dashboard.galxe.com",
            "https://dashboard.galxe.com_.attacker-0123abcd.example",
            "https://dashboard.galxe.com`.attacker-0123abcd.example",
            "https://dashboard.galxe.com$.attacker-0123abcd.example",
            "https://dashboard.galxe.com~.attacker-0123abcd.example",
            "https://dashboard.galxe.com!.attacker-0123abcd.example",
            "https://corsprobe-0123abcd.github.io",
            "https://codepen.io",
            "https://jsfiddle.net");
        origins.Count.Should().BeLessThanOrEqualTo(AuditOrigins.MaxOrigins);
        (origins.Count + 2).Should().BeLessThanOrEqualTo(AuditOrigins.MaxRequests, "the two invented-lists checks are the last requests");
    }

    [Fact]
    public void APortIsKept() =>
        AuditOrigins.For("http://localhost:3000", "x").Select(o => o.Origin).Should().Contain("http://corsprobe-x.localhost:3000").And.NotContain(o => o.StartsWith("http://localhost", StringComparison.Ordinal) && o.Contains("3000", StringComparison.Ordinal) && !o.Contains("attacker", StringComparison.Ordinal));

    [Fact]
    public void TheNullOrigin_GetsOnlyTheHostFreeTechniques() =>
        AuditOrigins.For("null", "x").Select(o => o.Technique).Should().OnlyContain(t => t == AuditTechnique.ArbitraryOrigin || t == AuditTechnique.ThirdParty);

    [Fact]
    public void AnIpAddressOrigin_GetsNoDerivedHosts() =>
        AuditOrigins.For("http://192.0.2.1", "x").Select(o => o.Technique).Should().NotContain(AuditTechnique.UnescapedDot);

    [Theory]
    [InlineData("dashboard.galxe.com", "galxe.com")]
    [InlineData("galxe.com", "galxe.com")]
    [InlineData("localhost", "localhost")]
    public void TheRegistrableDomain_IsTheLastTwoLabels(string host, string expected) =>
        AuditOrigins.RegistrableDomain(host).Should().Be(expected);
}

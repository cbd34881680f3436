using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class OriginMismatchHintTests
{
    [Theory]
    [InlineData("https://dashboard.galxe.com/", "trailing slash")]
    [InlineData("http://dashboard.galxe.com", "scheme")]
    [InlineData("https://Dashboard.Galxe.com", "case")]
    public void ANearMiss_IsNamed(string value, string hint) =>
        OriginMismatchHint.For(value, Probe.Origin).Should().Contain(hint);

    [Fact]
    public void AnUnrelatedOrigin_GetsNoHint() =>
        OriginMismatchHint.For("https://other.example", Probe.Origin).Should().BeEmpty();
}

using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class VaryOriginRuleTests
{
    private const string Evil = "https://evil.example";

    private static readonly (string Name, string Value)[] Echo = [("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT")];

    [Fact]
    public void AnEchoThatAnotherOriginDoesNotGet_IsOneCORS103_NamingEveryResponse()
    {
        var evidence = new HandBuiltEvidence { Lines = Echo, FollowUp = (200, [("Access-Control-Allow-Origin", Probe.Origin)]) };

        var finding = Run([evidence], (Evil, null)).Should().ContainSingle().Which;

        finding.Code.Should().Be(CorsFindingCodes.MissingVaryOrigin);
        finding.Severity.Should().Be(CorsSeverity.Warning);
        finding.Method.Should().Be("PUT");
        finding.Message.Should().Contain($"`{Probe.Origin}` gets `{Probe.Origin}`, `{Evil}` got no Access-Control-Allow-Origin")
            .And.Contain("the preflight response for PUT and the stand-in GET response have no `Vary` header");
    }

    [Fact]
    public void AVaryWithoutOrigin_IsNamedAsSent()
    {
        var evidence = new HandBuiltEvidence { Lines = [.. Echo, ("Vary", "Accept-Encoding")] };

        Run([evidence], (Evil, Evil)).Should().ContainSingle().Which.Message
            .Should().Contain("has `Vary: Accept-Encoding`, which does not list `Origin`").And.Contain($"`{Evil}` got `{Evil}`");
    }

    [Fact]
    public void AConstantAllowOrigin_EchoesNothing_AndRaisesNothing() =>
        Run([new HandBuiltEvidence { Lines = Echo }], (Evil, Probe.Origin), ("null", Probe.Origin)).Should().BeEmpty();

    [Fact]
    public void WithoutRequestsFromOtherOrigins_OneProbeCannotTellAnEchoFromAConstant_AndRaisesNothing()
    {
        var findings = new List<FindingDraft>();

        VaryOriginRule.Apply([new HandBuiltEvidence { Lines = Echo }.Evidence()], null, findings);

        findings.Should().BeEmpty();
    }

    [Fact]
    public void SeveralMethods_AreOneFindingThatNamesThem()
    {
        var get = new HandBuiltEvidence { Method = "GET", Lines = Echo, FollowUp = (200, [("Access-Control-Allow-Origin", Probe.Origin)]) };
        var put = new HandBuiltEvidence { Lines = Echo };

        var finding = Run([get, put], (Evil, null)).Should().ContainSingle().Which;

        finding.Method.Should().BeNull();
        finding.Message.Should().Contain("actual GET response").And.Contain("preflight response for PUT");
    }

    [Theory]
    [InlineData("Origin")]
    [InlineData("Accept-Encoding, origin")]
    [InlineData("*")]
    public void AVaryThatCoversOrigin_RaisesNothing(string vary) =>
        Run([new HandBuiltEvidence { Lines = [.. Echo, ("Vary", vary)] }], (Evil, null)).Should().BeEmpty();

    [Fact]
    public void AWildcardOrigin_NeedsNoVary() =>
        Run([new HandBuiltEvidence { Lines = [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT")] }], (Evil, "*")).Should().BeEmpty();

    private static List<FindingDraft> Run(HandBuiltEvidence[] methods, params (string Origin, string? AllowOrigin)[] otherOrigins)
    {
        var findings = new List<FindingDraft>();
        VaryOriginRule.Apply([.. methods.Select(method => method.Evidence())], new AuditResult(false, [], [], otherOrigins), findings);
        return findings;
    }
}

using CorsProbing.Http;
using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class TransportFailureRuleTests
{
    [Theory]
    [InlineData(nameof(ExchangeFailureKind.Failed), CorsFindingCodes.Unreachable)]
    [InlineData(nameof(ExchangeFailureKind.TimedOut), CorsFindingCodes.Timeout)]
    [InlineData(nameof(ExchangeFailureKind.AddressRefused), CorsFindingCodes.TargetAddressNotAllowed)]
    [InlineData(nameof(ExchangeFailureKind.MalformedResponse), CorsFindingCodes.MalformedResponse)]
    public void APreflightWithoutAnswer_IsAnErrorOfItsKind(string kind, string code)
    {
        var finding = new HandBuiltEvidence { Failure = new ExchangeFailure(Enum.Parse<ExchangeFailureKind>(kind), "what happened", TimeSpan.FromSeconds(10)) }
            .Run(TransportFailureRule.Apply).Should().ContainSingle().Which;

        finding.Code.Should().Be(code);
        finding.Severity.Should().Be(CorsSeverity.Error);
        finding.Message.Should().Contain("what happened");
    }

    [Fact]
    public void AStandInWithoutAnswer_SaysItIsStandInEvidence() =>
        new HandBuiltEvidence { FollowUpFailure = new ExchangeFailure(ExchangeFailureKind.Failed, "connection reset") }
            .Run(TransportFailureRule.Apply).Should().ContainSingle().Which.Message.Should().Contain("stand-in GET for PUT got no response");

    [Fact]
    public void AnAnswer_RaisesNothing() =>
        new HandBuiltEvidence().Run(TransportFailureRule.Apply).Should().BeEmpty();
}

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
    [InlineData(nameof(ExchangeFailureKind.HandlerFailed), CorsFindingCodes.Unreachable)]
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
    public void AStandInTheCallersHandlerDidNotAnswer_SaysSo_AndNamesTheTwoFixes()
    {
        var finding = new HandBuiltEvidence { FollowUpFailure = new ExchangeFailure(ExchangeFailureKind.HandlerFailed, "it threw MockHttpMatchException (no match).") }
            .Run(TransportFailureRule.Apply).Should().ContainSingle().Which;

        finding.Message.Should().StartWith("The handler you supplied did not answer the stand-in GET for PUT").And.Contain("it threw MockHttpMatchException");
        finding.Remedy.Should().Contain("Make your handler answer GET https://api.example.com/quests").And.Contain("call WithoutActualRequests() to send only OPTIONS");
    }

    [Fact]
    public void AnAnswer_RaisesNothing() =>
        new HandBuiltEvidence().Run(TransportFailureRule.Apply).Should().BeEmpty();
}

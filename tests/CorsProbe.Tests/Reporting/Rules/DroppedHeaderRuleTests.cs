using CorsProbing.Reporting;
using CorsProbing.Reporting.Rules;
using CorsProbing.Requirements;

namespace CorsProbing.Tests.Reporting.Rules;

public class DroppedHeaderRuleTests
{
    [Fact]
    public void AHeaderAnEngineDrops_IsANoteAboutThatEngine()
    {
        var facts = new HandBuiltEvidence().Facts with { Headers = [new AuthorHeader("User-Agent", "widget/1.0")] };
        var findings = new List<FindingDraft>();

        DroppedHeaderRule.Apply(facts, findings);

        var finding = findings.Should().ContainSingle().Which;
        finding.Code.Should().Be(CorsFindingCodes.HeaderDroppedByEngine);
        finding.Engines.Should().Be(EngineSet.Of(BrowserEngine.Chromium));
        finding.Message.Should().Contain("User-Agent");
    }

    [Fact]
    public void HeadersEveryEngineSends_RaiseNothing()
    {
        var findings = new List<FindingDraft>();

        DroppedHeaderRule.Apply(new HandBuiltEvidence().Facts with { Headers = [new AuthorHeader("X-Api-Key", null)] }, findings);

        findings.Should().BeEmpty();
    }
}

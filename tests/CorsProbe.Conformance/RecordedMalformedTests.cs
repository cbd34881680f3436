using CorsProbing.Conformance.Malformed;
using CorsProbing.Conformance.Oracle;
using CorsProbing.Testing;

namespace CorsProbing.Conformance;

/// <summary>
/// What only the malformed-response catalogue has beyond the checks every catalogue gets (<see cref="RecordedOracleTests"/>):
/// the classes it covers, CorsProbe's time and sockets on hostile bytes, and how a refused response is named.
/// </summary>
public class RecordedMalformedTests
{
    [Fact]
    public void TheCatalogue_CoversEveryClassTheIssueNames()
    {
        MalformedCatalogue.All.Select(c => c.Class).Distinct().Should().Contain(
            ["byte in a CORS value", "byte in another header", "bare CR", "bare LF", "Content-Length", "Transfer-Encoding", "obs-fold", "line endings",
             "status line", "interim response", "header name", "case variants", "size", "outside the message", "duplicate fields"]);
        MalformedCatalogue.All.Should().HaveCountGreaterThanOrEqualTo(100);
    }

    [Fact]
    public async Task CorsProbe_AgreesWithRecordedChromium_OnEveryMalformedResponse_WithinTheTimeout_LeavingNoSocketOpen()
    {
        await using var targets = new MalformedTargets(MalformedCatalogue.All);
        var comparisons = await MalformedRun.CompareAsync(Engine.Chromium, targets, MalformedCatalogue.All, MalformedOracle.Instance.Recording(Engine.Chromium).Cases, TestContext.Current.CancellationToken);

        comparisons.Where(c => !c.Agrees).Should().BeEmpty(string.Join(Environment.NewLine + Environment.NewLine, comparisons.Where(c => !c.Agrees)));
        comparisons.Where(c => c.Elapsed > MalformedRun.ProbeTimeout + TimeSpan.FromSeconds(1)).Select(c => c.ToString()).Should().BeEmpty();

        // The server closes every connection after one answer: what stays open on the client side is at most the
        // connections pooled after complete, accepted answers (one per probe running at once), never one per case.
        var port = new Uri(targets.Url(MalformedCatalogue.All[0], MalformedShape.SimpleGet)).Port;
        (await LoopbackSockets.SettleAsync(port, MalformedRun.Parallelism, TimeSpan.FromSeconds(2))).Should().BeLessThanOrEqualTo(MalformedRun.Parallelism);
    }

    [Fact]
    public async Task EveryRefusedResponse_IsNamedInTheReport()
    {
        var comparisons = await MalformedOracle.Instance.CompareWithRecordingAsync(Engine.Chromium, TestContext.Current.CancellationToken);

        var nul = comparisons.First(c => c.Case.Description == "NUL after the origin" && c.Browser.Shape == MalformedShape.PreflightedPut);
        nul.Report.Findings[0].Code.Should().Be(CorsFindingCodes.MalformedResponse);
        nul.Report.Findings[0].Message.Should().Contain("a NUL byte (0x00) at byte").And.Contain("'Access-Control-Allow-Origin: https://dashboard.galxe.com\\x00'");
        var lengths = comparisons.First(c => c.Case.Description == "two different Content-Length lines (2 and 5)" && c.Browser.Shape == MalformedShape.SimpleGet);
        lengths.Report.Findings.Should().Contain(f => f.Code == CorsFindingCodes.MalformedResponse && f.Message.Contains("Content-Length has different values ('2' and '5')", StringComparison.Ordinal));
        comparisons.Where(c => c.Report.Preflights.Any(p => !p.RawBytesRead && p.StatusCode is not null)).Should().BeEmpty("the default transport reads every response's raw bytes");
    }
}

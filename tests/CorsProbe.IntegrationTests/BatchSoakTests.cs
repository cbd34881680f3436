using System.Diagnostics;
using CorsProbing.IntegrationTests.Support;
using CorsProbing.Testing;

namespace CorsProbing.IntegrationTests;

/// <summary>
/// Thousands of probes through <see cref="CorsProbe.ProbeManyAsync(IEnumerable{CorsProbeBuilder}, CorsBatchOptions, CancellationToken)"/> against healthy, slow, resetting and refused
/// loopback targets: one report per input, each with the right outcome, in bounded time, and afterwards every socket
/// closed and no memory kept from one round to the next.
/// </summary>
[Collection(RunsAlone.Name)]
public class BatchSoakTests
{
    private const string Origin = "https://dashboard.galxe.com";
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);
    private static readonly CorsBatchOptions Options = new() { MaxConcurrency = 64, MaxConcurrencyPerHost = 64 };

    [Fact]
    public async Task AMixedSoak_YieldsOneRightReportPerInput_AndClosesEverySocket()
    {
        var socketsBefore = LoopbackSockets.HeldByThisProcess();
        var targets = await SoakTargets.StartAsync();
        var handler = CorsProbeHandler.Create(NetworkPolicy.PublicOnly.AllowLoopback());
        var expected = new Dictionary<string, string?>();
        var probes = new List<CorsProbeBuilder>();
        for (var i = 0; i < 4000; i++)
        {
            // 70% healthy, 10% each slow (timeout), resetting and refused by the guard (127.0.0.3 is never connected to).
            var (url, code, throughHandler) = (i % 10) switch
            {
                7 => (targets.Slow, "CORS002", true),
                8 => (targets.Resetting, "CORS001", true),
                9 => ($"http://127.0.0.3:{targets.KestrelPort}/blocked", "CORS016", false),
                _ => (targets.Healthy, (string?)null, true),
            };
            url += $"?i={i}";
            expected[url] = code;
            var probe = CorsProbe.For(url).WithOrigin(Origin).RequireMethods("PUT").WithTimeout(Timeout);
            probes.Add(throughHandler ? probe.UsingHandler(handler) : probe);
        }

        var clock = Stopwatch.StartNew();
        var reports = new List<CorsReport>();
        await foreach (var report in CorsProbe.ProbeManyAsync(probes, Options, TestContext.Current.CancellationToken))
        {
            reports.Add(report);
        }

        var elapsed = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"{reports.Count} reports for {probes.Count} probes in {elapsed.TotalSeconds:0.0} s; sockets before {socketsBefore}");
        handler.Dispose();
        await targets.DisposeAsync();

        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60));
        reports.Should().HaveCount(probes.Count);
        reports.Select(r => r.Url.OriginalString).Should().OnlyHaveUniqueItems();
        foreach (var report in reports)
        {
            var code = expected[report.Url.OriginalString];
            if (code is null)
            {
                report.Verdict.Should().Be(CorsVerdict.Allowed, report.ToString());
            }
            else
            {
                report.Findings[0].Code.Should().Be(code, report.ToString());
            }
        }

        var socketsAfter = await SettleAsync(socketsBefore);
        TestContext.Current.TestOutputHelper?.WriteLine($"sockets after {socketsAfter}");
        socketsAfter.Should().BeLessThanOrEqualTo(socketsBefore, "every socket the batch opened is closed once its handler is disposed");
        UnobservedExceptions.Collect().Should().BeEmpty();
    }

    [Fact]
    public async Task RetainedMemory_StaysFlatAcrossThreeRounds()
    {
        UnobservedExceptions.Watch();
        await using var targets = await SoakTargets.StartAsync();
        using var handler = CorsProbeHandler.Create(NetworkPolicy.PublicOnly.AllowLoopback());
        var probes = Enumerable.Range(0, 3000)
            .Select(i => CorsProbe.For($"{targets.Healthy}?i={i}").WithOrigin(Origin).RequireMethods("PUT").UsingHandler(handler))
            .ToArray();

        // A warm-up round fills the connection pool and the JIT's caches; then three measured rounds.
        await RunRound(probes);
        var retained = new long[3];
        for (var round = 0; round < retained.Length; round++)
        {
            await RunRound(probes);
            retained[round] = GC.GetTotalMemory(forceFullCollection: true);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"retained after rounds 1-3: {string.Join(", ", retained.Select(b => $"{b / 1024} KiB"))}");

        // 3,000 probes a round: keeping even 100 bytes per probe would grow the heap by ~290 KiB a round.
        (retained[2] - retained[0]).Should().BeLessThan(256 * 1024, $"the heap after rounds 1-3 was {string.Join(", ", retained)} bytes");
    }

    private static async Task RunRound(CorsProbeBuilder[] probes)
    {
        var count = 0;
        await foreach (var report in CorsProbe.ProbeManyAsync(probes, Options, TestContext.Current.CancellationToken))
        {
            report.Verdict.Should().Be(CorsVerdict.Allowed);
            count++;
        }

        count.Should().Be(probes.Length);
    }

    private static async Task<int> SettleAsync(int atMost)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        int held;
        while ((held = LoopbackSockets.HeldByThisProcess()) > atMost && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return held;
    }
}

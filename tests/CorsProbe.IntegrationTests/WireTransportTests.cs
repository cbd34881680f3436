using System.Text;
using CorsProbing.Http;
using CorsProbing.IntegrationTests.Support;
using CorsProbing.Requirements;
using CorsProbing.Safety;
using CorsProbing.Testing;

namespace CorsProbing.IntegrationTests;

/// <summary>
/// CorsProbe's own transport keeps connections as a browser does: kept alive and reused, a body skipped by its framing
/// (or the connection closed), a stale kept-alive connection retried once on a new one, a bounded number per host,
/// idle ones expired, and none left open after many probes, cancellations and timeouts.
/// </summary>
[Collection(RunsAlone.Name)]
public class WireTransportTests
{
    private const string Origin = "https://dashboard.galxe.com";
    private const string Grant = "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://dashboard.galxe.com\r\nAccess-Control-Allow-Methods: PUT\r\n\r\n";
    private const string GetWithLength = "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 2\r\n\r\nok";
    private static readonly NetworkPolicy Loopback = NetworkPolicy.PublicOnly.AllowLoopback();

    [Fact]
    public async Task SequentialProbes_ReuseOneKeptAliveConnection()
    {
        await using var server = new ScriptedServer(r => r.Method == "OPTIONS" ? Grant : GetWithLength);

        for (var i = 0; i < 20; i++)
        {
            (await Probe(server.Url).ProbeAsync(TestContext.Current.CancellationToken)).IsAllowed.Should().BeTrue();
        }

        server.Requests.Should().Be(40);
        server.Connections.Should().Be(1, "every preflight and GET went on the one kept-alive connection");
    }

    [Fact]
    public async Task AChunkedBody_IsSkipped_AndTheConnectionReused()
    {
        const string chunked = "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nTransfer-Encoding: chunked\r\n\r\n2;ext=1\r\nok\r\n3\r\n ok\r\n0\r\nX-Trailer: t\r\n\r\n";
        await using var server = new ScriptedServer(r => r.Method == "OPTIONS" ? Grant : chunked);

        for (var i = 0; i < 5; i++)
        {
            (await Probe(server.Url).ProbeAsync(TestContext.Current.CancellationToken)).IsAllowed.Should().BeTrue();
        }

        server.Connections.Should().Be(1);
    }

    [Fact]
    public async Task ABodyThatRunsToTheConnectionsClose_ClosesIt_AndTheNextRequestOpensANewOne()
    {
        await using var server = new ScriptedServer(r => r.Method == "OPTIONS" ? Grant : "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\n\r\nbody until close");

        for (var i = 0; i < 3; i++)
        {
            (await Probe(server.Url).ProbeAsync(TestContext.Current.CancellationToken)).IsAllowed.Should().BeTrue();
        }

        server.Connections.Should().Be(3, "each GET's connection is closed after it, and the next preflight opens one");
        (await LoopbackSockets.SettleAsync(server.Port, 1, TimeSpan.FromSeconds(3))).Should().BeLessThanOrEqualTo(1, "only the last preflight's connection is kept");
    }

    [Fact]
    public async Task ABodyLargerThanTheBound_IsNotRead_TheConnectionIsClosedAtOnce()
    {
        var head = $"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: {10 * 1024 * 1024}\r\n\r\n";
        await using var server = new ScriptedServer(async (r, token) =>
        {
            if (r.Method == "OPTIONS")
            {
                return Encoding.Latin1.GetBytes(Grant);
            }

            await Task.Yield();
            return Encoding.Latin1.GetBytes(head + new string('x', 1000));
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var report = await Probe(server.Url).ProbeAsync(TestContext.Current.CancellationToken);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "10 MB announced are never waited for");
        report.IsAllowed.Should().BeTrue(report.ToString());
        (await LoopbackSockets.SettleAsync(server.Port, 1, TimeSpan.FromSeconds(3))).Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task AKeptAliveConnectionTheServerDropsUnanswered_IsRetriedOnceOnANewConnection()
    {
        // The first connection answers one request, then closes on the next without a byte of answer.
        await using var server = new ScriptedServer(r => r.Connection == 0 && r.OnConnection > 0 ? null : r.Method == "OPTIONS" ? Grant : GetWithLength);

        var report = await Probe(server.Url).ProbeAsync(TestContext.Current.CancellationToken);

        report.IsAllowed.Should().BeTrue(report.ToString());
        server.Connections.Should().Be(2);
        server.Requests.Should().Be(3, "the GET was sent on the kept-alive connection, dropped, and sent once more on a new one");
    }

    [Fact]
    public async Task ANewConnectionThatClosesUnanswered_IsNotRetried()
    {
        await using var server = new ScriptedServer(_ => null);

        var report = await Probe(server.Url).ProbeAsync(TestContext.Current.CancellationToken);

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings[0].Code.Should().Be("CORS001");
        server.Requests.Should().Be(1);
    }

    [Fact]
    public async Task RequestsInFlightToOneHost_AreBounded()
    {
        await using var server = new ScriptedServer(async (_, token) =>
        {
            await Task.Delay(100, token);
            return Encoding.Latin1.GetBytes(Grant);
        });
        using var transport = new WireTransport(Loopback, TrustedCertificates.None, new WireTransport.Limits(2, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)));

        var readings = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => transport.SendAsync(Preflight(server.Url), EngineSet.All, TestContext.Current.CancellationToken)));

        readings.Should().OnlyContain(r => r.Single().Response!.Status == 204);
        server.MostOpenAtOnce.Should().Be(2);
        server.Connections.Should().Be(2, "the two connections were reused for the other eight requests");
    }

    [Fact]
    public async Task IdleConnections_AreClosedAfterTheIdleTimeout()
    {
        await using var server = new ScriptedServer(_ => Grant);
        using var transport = new WireTransport(Loopback, TrustedCertificates.None, new WireTransport.Limits(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(2)));

        await transport.SendAsync(Preflight(server.Url), EngineSet.All, TestContext.Current.CancellationToken);
        LoopbackSockets.OpenTo(server.Port).Should().Be(1, "the connection is kept for the next request");

        (await LoopbackSockets.SettleAsync(server.Port, 0, TimeSpan.FromSeconds(3))).Should().Be(0);
    }

    [Fact]
    public async Task NoSocketIsLeft_After1000Probes_CancellationsAndTimeouts()
    {
        UnobservedExceptions.Watch();
        await using var server = new ScriptedServer(async (r, token) =>
        {
            if (r.Head.Contains("/silent", StringComparison.Ordinal))
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return Encoding.Latin1.GetBytes(r.Method == "OPTIONS" ? Grant : GetWithLength);
        });
        var limits = new CorsBatchOptions { MaxConcurrency = 64, MaxConcurrencyPerHost = 64 };

        var count = 0;
        await foreach (var report in CorsProbe.ProbeManyAsync(Enumerable.Range(0, 1000).Select(i => Probe($"{server.Url}?i={i}")), limits, TestContext.Current.CancellationToken))
        {
            report.IsAllowed.Should().BeTrue(report.ToString());
            count++;
        }

        count.Should().Be(1000);
        LoopbackSockets.OpenTo(server.Port).Should().BeLessThanOrEqualTo(WireTransport.Limits.Default.MaxConnectionsPerHost, "idle connections are kept, at most the per-host bound");

        var timedOut = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Probe($"http://127.0.0.1:{server.Port}/silent?t={i}").WithTimeout(TimeSpan.FromMilliseconds(300)).ProbeAsync(TestContext.Current.CancellationToken)));
        timedOut.Should().OnlyContain(r => r.Findings[0].Code == "CORS002");

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var cancelled = Enumerable.Range(0, 20).Select(i => Probe($"http://127.0.0.1:{server.Port}/silent?c={i}").ProbeAsync(cancel.Token)).ToArray();
        foreach (var probe in cancelled)
        {
            await FluentActions.Awaiting(() => probe).Should().ThrowAsync<OperationCanceledException>();
        }

        WireTransport.For(Loopback, TrustedCertificates.None).CloseIdleConnections();
        (await LoopbackSockets.SettleAsync(server.Port, 0, TimeSpan.FromSeconds(3))).Should().Be(0, "a timed-out or cancelled exchange closes its connection, and idle ones were closed");
        UnobservedExceptions.Collect().Should().BeEmpty();
    }

    private static CorsProbeBuilder Probe(string url) => CorsProbe.For(url).WithOrigin(Origin).RequireMethods("PUT").AllowLoopback();

    private static ProbeRequest Preflight(string url) =>
        new("OPTIONS", new Uri(url), [new("Access-Control-Request-Method", "PUT"), new("Origin", Origin)]);
}

namespace CorsProbing.Tests.Batch;

public class ProbeManyTests
{
    [Fact]
    public async Task EveryInput_YieldsExactlyOneReport_WhateverHappensToIt()
    {
        var healthy = StubCorsServer.Allowing(Probe.Origin);
        var probes = new List<CorsProbeBuilder>();
        for (var i = 0; i < 20; i++)
        {
            probes.Add(CorsProbe.For($"https://api{i}.example.com/q").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(healthy));
        }

        probes.Add(CorsProbe.For("http://127.0.0.1:9/blocked").WithOrigin(Probe.Origin));                                  // refused by the guard
        probes.Add(CorsProbe.For($"http://127.0.0.1:{Loopback.ClosedPort()}/closed").WithOrigin(Probe.Origin).AllowLoopback()); // connection refused

        var reports = await Collect(CorsProbe.ProbeManyAsync(probes, new CorsBatchOptions { MaxConcurrency = 4 }, TestContext.Current.CancellationToken));

        reports.Select(r => r.Url.OriginalString).Should().BeEquivalentTo(probes.Select(p => p.Url.OriginalString));
        reports.Single(r => r.Url.AbsolutePath == "/blocked").Findings[0].Code.Should().Be("CORS016");
        reports.Single(r => r.Url.AbsolutePath == "/closed").Findings[0].Code.Should().Be("CORS001");
    }

    [Fact]
    public async Task TheGlobalLimit_IsNeverExceeded()
    {
        var gauge = new ConcurrencyGauge(StubCorsServer.Allowing(Probe.Origin));
        var probes = Enumerable.Range(0, 24).Select(i => CorsProbe.For($"https://api{i}.example.com/").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(gauge));

        await Collect(CorsProbe.ProbeManyAsync(probes, new CorsBatchOptions { MaxConcurrency = 3, MaxConcurrencyPerHost = 10 }, TestContext.Current.CancellationToken));

        gauge.Peak.Should().BeInRange(1, 3);
    }

    [Fact]
    public async Task ThePerHostLimit_IsNeverExceeded()
    {
        var gauge = new ConcurrencyGauge(StubCorsServer.Allowing(Probe.Origin));
        var probes = Enumerable.Range(0, 12).Select(i => CorsProbe.For($"https://same.example.com/{i}").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(gauge));

        await Collect(CorsProbe.ProbeManyAsync(probes, new CorsBatchOptions { MaxConcurrency = 10, MaxConcurrencyPerHost = 2 }, TestContext.Current.CancellationToken));

        gauge.Peak.Should().BeInRange(1, 2);
    }

    [Fact]
    public async Task AHostAtItsLimit_DoesNotHoldBackTheOtherHosts()
    {
        var slow = new ConcurrencyGauge(StubCorsServer.Allowing(Probe.Origin), delay: TimeSpan.FromSeconds(1));
        var fast = StubCorsServer.Allowing(Probe.Origin);
        var probes = Enumerable.Range(0, 3).Select(i => CorsProbe.For($"https://slow.example.com/{i}").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(slow))
            .Concat(Enumerable.Range(0, 3).Select(i => CorsProbe.For($"https://fast{i}.example.com/").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(fast)));

        var reports = await Collect(CorsProbe.ProbeManyAsync(probes, new CorsBatchOptions { MaxConcurrency = 2, MaxConcurrencyPerHost = 1 }, TestContext.Current.CancellationToken));

        reports.Take(4).Count(r => r.Url.Host == "slow.example.com").Should().Be(1, "the fast hosts are probed while the slow host's probes wait their turn");
        slow.Peak.Should().Be(1);
    }

    [Fact]
    public async Task ABatchOnOneHost_IsNotReadAheadBeyondTheGlobalLimit()
    {
        var gauge = new ConcurrencyGauge(StubCorsServer.Allowing(Probe.Origin), delay: TimeSpan.FromMilliseconds(200));
        var read = 0;
        var probes = Enumerable.Range(0, 100).Select(i =>
        {
            Interlocked.Increment(ref read);
            return CorsProbe.For($"https://same.example.com/{i}").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(gauge);
        });
        var options = new CorsBatchOptions { MaxConcurrency = 3, MaxConcurrencyPerHost = 1 };

        await foreach (var report in CorsProbe.ProbeManyAsync(probes, options, TestContext.Current.CancellationToken))
        {
            Volatile.Read(ref read).Should().BeLessThanOrEqualTo(options.MaxConcurrency + 2, "one probe runs, at most three wait in line, and one more may be on its way");
            break;
        }
    }

    [Fact]
    public async Task Reports_StreamInCompletionOrder()
    {
        var slow = new ConcurrencyGauge(StubCorsServer.Allowing(Probe.Origin), delay: TimeSpan.FromSeconds(1));
        var fast = StubCorsServer.Allowing(Probe.Origin);
        var probes = new[]
        {
            CorsProbe.For("https://slow.example.com/").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(slow),
            CorsProbe.For("https://fast.example.com/").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(fast),
        };

        var reports = await Collect(CorsProbe.ProbeManyAsync(probes, cancellationToken: TestContext.Current.CancellationToken));

        reports.Select(r => r.Url.Host).Should().Equal("fast.example.com", "slow.example.com");
    }

    [Fact]
    public async Task CallerCancellation_StopsTheBatch()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var slow = new ConcurrencyGauge(StubCorsServer.Allowing(Probe.Origin), delay: TimeSpan.FromSeconds(30));
        var probes = Enumerable.Range(0, 100).Select(i => CorsProbe.For($"https://api{i}.example.com/").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(slow));
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        var act = async () => await Collect(CorsProbe.ProbeManyAsync(probes, cancellationToken: cancel.Token));

        (await act.Should().ThrowAsync<OperationCanceledException>().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Which.Should().NotBeNull();
    }

    [Fact]
    public async Task BreakingOutEarly_CancelsTheRunningProbes_AndStartsNoMore()
    {
        // The first host answers at once; every other one slowly, so they are still running when the caller stops reading.
        var fast = StubCorsServer.Allowing(Probe.Origin);
        var slow = new ConcurrencyGauge(StubCorsServer.Allowing(Probe.Origin), delay: TimeSpan.FromSeconds(30));
        var started = 0;
        var probes = Enumerable.Range(0, 50).Select(i =>
        {
            Interlocked.Increment(ref started);
            return CorsProbe.For($"https://api{i}.example.com/").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(i == 0 ? fast : slow);
        });
        var options = new CorsBatchOptions { MaxConcurrency = 4 };

        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        await foreach (var report in CorsProbe.ProbeManyAsync(probes, options, TestContext.Current.CancellationToken))
        {
            report.Url.Host.Should().Be("api0.example.com");
            break;
        }

        elapsed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "leaving the loop cancels the probes still running instead of waiting for them");
        slow.InFlight.Should().Be(0, "no request is left running once the loop is left");
        Volatile.Read(ref started).Should().BeLessThanOrEqualTo(options.MaxConcurrency + 2, "probes are read as workers free up, so the rest were never started");
    }

    [Fact]
    public async Task ANullProbe_FailsTheBatchNamingTheArgument()
    {
        var probes = new[] { CorsProbe.For("https://api.example.com/").WithOrigin(Probe.Origin).UsingHandler(StubCorsServer.Allowing(Probe.Origin)), null! };

        var act = async () => await Collect(CorsProbe.ProbeManyAsync(probes, cancellationToken: TestContext.Current.CancellationToken));

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("probes");
    }

    [Fact]
    public async Task AProbeWithoutAnOrigin_FailsTheBatch_AfterTheRunningProbesEnd()
    {
        var gauge = new ConcurrencyGauge(StubCorsServer.Allowing(Probe.Origin), delay: TimeSpan.FromMilliseconds(100));
        var probes = new[]
        {
            CorsProbe.For("https://a.example.com/").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(gauge),
            CorsProbe.For("https://b.example.com/").RequireMethods("PUT").UsingHandler(gauge),
        };

        var act = async () => await Collect(CorsProbe.ProbeManyAsync(probes, cancellationToken: TestContext.Current.CancellationToken));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("No origin*");
        gauge.InFlight.Should().Be(0);
    }

    [Fact]
    public async Task AnEmptyBatch_YieldsNothing()
    {
        var reports = await Collect(CorsProbe.ProbeManyAsync([], cancellationToken: TestContext.Current.CancellationToken));

        reports.Should().BeEmpty();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Options_RejectLimitsBelowOne(int global, int perHost) =>
        FluentActions.Invoking(() => new CorsBatchOptions { MaxConcurrency = global, MaxConcurrencyPerHost = perHost })
            .Should().Throw<ArgumentOutOfRangeException>();

    private static async Task<List<CorsReport>> Collect(IAsyncEnumerable<CorsReport> reports)
    {
        var list = new List<CorsReport>();
        await foreach (var report in reports)
        {
            list.Add(report);
        }

        return list;
    }

    /// <summary>Counts requests in flight (each held for <c>delay</c>) and remembers the peak.</summary>
    private sealed class ConcurrencyGauge(HttpMessageHandler inner, TimeSpan? delay = null) : DelegatingHandler(inner)
    {
        private int _current;
        private int _peak;

        public int Peak => Volatile.Read(ref _peak);

        public int InFlight => Volatile.Read(ref _current);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while (now > (seen = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }

            try
            {
                await Task.Delay(delay ?? TimeSpan.FromMilliseconds(20), cancellationToken);
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _current);
            }
        }
    }
}

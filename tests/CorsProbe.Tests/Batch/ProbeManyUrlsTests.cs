using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CorsProbing.Tests.Batch;

/// <summary>A batch of URLs as a platform holds them: strings, some bad, some repeated, some on hosts that cannot be reached.</summary>
public class ProbeManyUrlsTests
{
    private static CorsProbeBuilder Template(HttpMessageHandler handler) =>
        CorsProbe.For("https://template.example/").WithOrigin(Probe.Origin).RequireMethods("PUT").UsingHandler(handler);

    [Fact]
    public async Task OneBadUrl_IsAReportOfItsOwn_AndTheRestRun()
    {
        string?[] urls = ["https://api.example.com/a", "not a url", "ftp://api.example.com/f", null, "/relative", "https://api.example.com/b"];

        var results = await Collect(CorsProbe.ProbeManyAsync(Template(StubCorsServer.Allowing(Probe.Origin)), urls, cancellationToken: TestContext.Current.CancellationToken));

        results.Select(r => r.Key).Should().BeEquivalentTo([0, 1, 2, 3, 4, 5], "every input yields exactly one result");
        results.Where(r => r.Key is 0 or 5).Should().OnlyContain(r => r.Report.Verdict == CorsVerdict.Allowed);
        foreach (var bad in results.Where(r => r.Key is >= 1 and <= 4))
        {
            bad.Report.Verdict.Should().Be(CorsVerdict.Unreachable);
            bad.Report.Preflights.Should().BeEmpty("nothing is sent for an input that is not a URL");
            bad.Report.CurlCommand.Should().BeEmpty();
            var finding = bad.Report.Findings.Should().ContainSingle().Which;
            finding.Code.Should().Be(CorsFindingCodes.InvalidUrl);
            finding.Message.Should().NotContain("(Parameter", "the input is the caller's data, not a .NET parameter");
            finding.Remedy.Should().Contain("absolute http or https URL");
            bad.Report.ToString().Should().Contain("Nothing was sent.");
            CorsReport.FromJson(bad.Report.ToJson()).ToJson().Should().Be(bad.Report.ToJson());
        }

        results.Single(r => r.Key == 1).Report.Findings[0].Message.Should().Be("'not a url' contains whitespace or a control character; percent-encode it (%20) so the request line stays valid. Nothing was sent for this input.");
        results.Single(r => r.Key == 2).Report.Url.OriginalString.Should().Be("ftp://api.example.com/f");
        results.Single(r => r.Key == 3).Report.Findings[0].Message.Should().Be("The input holds no URL (null), so nothing was sent.");
    }

    [Fact]
    public async Task TheCallersKey_TravelsWithEachReport_SoRepeatedUrlsAreTellableApart()
    {
        KeyValuePair<Guid, string>[] urls = [.. Enumerable.Range(0, 6).Select(_ => KeyValuePair.Create(Guid.NewGuid(), "https://api.example.com/same"))];

        var results = await Collect(CorsProbe.ProbeManyAsync(Template(StubCorsServer.Allowing(Probe.Origin)), urls, cancellationToken: TestContext.Current.CancellationToken));

        results.Select(r => r.Key).Should().BeEquivalentTo(urls.Select(u => u.Key));
        results.Should().OnlyContain(r => r.Url == "https://api.example.com/same" && r.Report.IsAllowed);
        results[0].ToString().Should().Be($"{results[0].Key}: Allowed https://api.example.com/same");
    }

    [Fact]
    public async Task KeyedProbes_BringBackTheirKeys_WhenTheSameUrlIsProbedWithDifferentRequirements()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);
        var same = CorsProbe.For("https://api.example.com/same").WithOrigin(Probe.Origin).UsingHandler(server);
        KeyValuePair<long, CorsProbeBuilder>[] probes = [new(1, same.RequireMethods("GET")), new(2, same.RequireMethods("PUT")), new(3, same.RequireMethods("GET"))];

        var results = await Collect(CorsProbe.ProbeManyAsync(probes, cancellationToken: TestContext.Current.CancellationToken));

        results.Select(r => r.Key).Should().BeEquivalentTo([1L, 2L, 3L], "every probe yields exactly one result, with its key");
        results.Single(r => r.Key == 2).Report.Preflights.Select(p => p.Method).Should().Contain("PUT");
        results.Single(r => r.Key == 1).Report.Preflights.Select(p => p.Method).Should().NotContain("PUT");
        results.Should().OnlyContain(r => r.Url == "https://api.example.com/same");
        FluentActions.Invoking(() => CorsProbe.ProbeManyAsync((IEnumerable<KeyValuePair<long, CorsProbeBuilder>>)null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task TheReportsUrl_KeepsTheInputsText_WhereverItIsShownOrSerialized()
    {
        const string input = "HTTP://API.example.com/a%20b?address=$address#section";

        var result = (await Collect(CorsProbe.ProbeManyAsync(Template(StubCorsServer.Allowing(Probe.Origin)), [input], cancellationToken: TestContext.Current.CancellationToken))).Single();

        result.Url.Should().Be(input);
        result.Report.Url.OriginalString.Should().Be(input);
        result.Report.ToString().Should().Contain(input);
        JsonDocument.Parse(result.Report.ToJson()).RootElement.GetProperty("url").GetString().Should().Be(input);
        result.Report.Preflights[0].Url.OriginalString.Should().Be("HTTP://API.example.com/a%20b?address=$address", "a fragment is never sent");
        result.Report.CurlCommand.Should().NotContain("#section");
        (await CorsProbe.For(input).WithOrigin(Probe.Origin).UsingHandler(StubCorsServer.Allowing(Probe.Origin)).RunAsync()).Url.OriginalString.Should().Be(input);
    }

    [Fact]
    public async Task AHostThatRefusesConnections_IsNotTriedAgain_EachReportSayingWhy()
    {
        var port = Loopback.ClosedPort();
        var urls = Enumerable.Range(0, 20).Select(i => $"http://127.0.0.1:{port}/{i}");
        var template = CorsProbe.For("https://template.example/").WithOrigin(Probe.Origin).AllowLoopback();

        var results = await Collect(CorsProbe.ProbeManyAsync(template, urls, new CorsBatchOptions { MaxConcurrencyPerHost = 1 }, TestContext.Current.CancellationToken));

        results.Should().HaveCount(20).And.OnlyContain(r => r.Report.Verdict == CorsVerdict.Unreachable);
        var notSent = results.Where(r => r.Report.Findings[0].Message.Contains("not sent: an earlier probe of http://127.0.0.1:" + port, StringComparison.Ordinal)).ToList();
        notSent.Should().HaveCount(19, "after the first refusal the batch sends nothing more to that endpoint");
        notSent[0].Report.Findings[0].Message.Should().Contain("could not connect").And.Contain("does not try it again");
    }

    [Fact]
    public async Task AnHttpsHostThatAcceptsAndNeverAnswers_FailsItsQueuedProbesQuickly()
    {
        using var silent = new SilentServer();
        var urls = Enumerable.Range(0, 50).Select(i => $"https://127.0.0.1:{silent.Port}/{i}");
        var template = CorsProbe.For("https://template.example/").WithOrigin(Probe.Origin).AllowLoopback().WithTimeout(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var results = await Collect(CorsProbe.ProbeManyAsync(template, urls, cancellationToken: TestContext.Current.CancellationToken));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(6), "a TLS handshake that never ends is a connection that could not be made: 50 probes at 4 per host would take 13 s");
        results.Should().HaveCount(50).And.OnlyContain(r => r.Report.Verdict == CorsVerdict.Unreachable);
        results.Count(r => r.Report.Findings[0].Message.Contains("not sent: an earlier probe", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public async Task AHostWhoseListenQueueIsFull_TimesOutConnecting_AndItsQueuedProbesFailQuickly()
    {
        // A listener that never accepts: once its queue is full the kernel drops new connections, which then time out.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var urls = Enumerable.Range(0, 50).Select(i => $"http://127.0.0.1:{port}/{i}");
        var template = CorsProbe.For("https://template.example/").WithOrigin(Probe.Origin).AllowLoopback().WithTimeout(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var results = await Collect(CorsProbe.ProbeManyAsync(template, urls, cancellationToken: TestContext.Current.CancellationToken));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(8), "50 probes at 4 per host and 1 s each would take 13 s");
        results.Should().HaveCount(50).And.OnlyContain(r => r.Report.Verdict == CorsVerdict.Unreachable);
        results.Should().Contain(r => r.Report.Findings[0].Message.Contains("while connecting", StringComparison.Ordinal));
        results.Count(r => r.Report.Findings[0].Message.Contains("not sent: an earlier probe", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public async Task AnHttpHostThatAcceptsAndNeverAnswers_IsMerelySlow_EachProbeTimesOutOnItsOwn()
    {
        using var silent = new SilentServer();
        var urls = Enumerable.Range(0, 8).Select(i => $"http://127.0.0.1:{silent.Port}/{i}");
        var template = CorsProbe.For("https://template.example/").WithOrigin(Probe.Origin).AllowLoopback().WithTimeout(TimeSpan.FromMilliseconds(300));

        var results = await Collect(CorsProbe.ProbeManyAsync(template, urls, cancellationToken: TestContext.Current.CancellationToken));

        results.Should().HaveCount(8).And.OnlyContain(r => r.Report.Findings[0].Code == CorsFindingCodes.Timeout, "one path may hang while others answer");
        results.Should().NotContain(r => r.Report.Findings[0].Message.Contains("not sent", StringComparison.Ordinal));
    }

    [Fact]
    public void NullArguments_AreRefused()
    {
        var template = Template(StubCorsServer.Allowing(Probe.Origin));

        FluentActions.Invoking(() => CorsProbe.ProbeManyAsync(null!, ["https://api.example.com/"])).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => CorsProbe.ProbeManyAsync(template, (IEnumerable<string?>)null!)).Should().Throw<ArgumentNullException>();
    }

    private static async Task<List<CorsBatchResult<TKey>>> Collect<TKey>(IAsyncEnumerable<CorsBatchResult<TKey>> results)
    {
        var list = new List<CorsBatchResult<TKey>>();
        await foreach (var result in results)
        {
            list.Add(result);
        }

        return list;
    }

    // Accepts every connection and never writes a byte.
    private sealed class SilentServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<Socket> _held = [];
        private readonly CancellationTokenSource _stop = new();

        public SilentServer()
        {
            _listener.Start(512);
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_held)
            {
                _held.ForEach(socket => socket.Dispose());
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    lock (_held)
                    {
                        _held.Add(socket);
                    }
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CorsProbing.Tests.Safety;

/// <summary>
/// The SSRF guard end to end through the real handler, on loopback only: 127.0.0.2 stands in for a public address
/// (allowed by a test-only range), 127.0.0.1 for the platform's internal network.
/// </summary>
public class GuardedTransportTests
{
    private static readonly NetworkPolicy PublicStandIn = NetworkPolicy.PublicOnly.AllowRange(IPNetwork.Parse("127.0.0.2/32"));

    [Fact]
    public async Task TheDefaultTransport_RefusesLoopback_WithCORS016_AndNeverConnects()
    {
        using var server = new TinyServer(IPAddress.Loopback);

        var report = await CorsProbe.For($"http://127.0.0.1:{server.Port}/api").WithOrigin(Probe.Origin).RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        var finding = report.Findings.First();
        finding.Code.Should().Be("CORS016");
        finding.Message.Should().Contain("127.0.0.1").And.Contain("loopback");
        server.Connections.Should().Be(0);
    }

    [Fact]
    public async Task AHostNameThatResolvesInternally_IsRefused_NamingHostAndAddressClass()
    {
        using var server = new TinyServer(IPAddress.Loopback);
        using var handler = CorsProbeHandler.Create(PublicStandIn, (_, _) => Task.FromResult(new[] { IPAddress.Loopback }));

        var report = await CorsProbe.For($"http://api.customer.test:{server.Port}/").WithOrigin(Probe.Origin).UsingHandler(handler).RunAsync();

        report.Findings.First().Code.Should().Be("CORS016");
        report.Findings.First().Message.Should().Contain("api.customer.test resolves to 127.0.0.1, a loopback address");
        server.Connections.Should().Be(0);
    }

    [Fact]
    public async Task AMixedAnswer_IsRefused_NotCherryPicked()
    {
        using var good = new TinyServer(IPAddress.Parse("127.0.0.2"));
        var mixed = new[] { IPAddress.Parse("127.0.0.2"), IPAddress.Loopback };
        using var handler = CorsProbeHandler.Create(PublicStandIn, (_, _) => Task.FromResult(mixed));

        var report = await CorsProbe.For($"http://api.customer.test:{good.Port}/").WithOrigin(Probe.Origin).UsingHandler(handler).RunAsync();

        report.Findings.First().Code.Should().Be("CORS016");
        good.Connections.Should().Be(0);
    }

    [Fact]
    public async Task AnAllowedName_IsReached_AtTheAddressThatWasChecked()
    {
        using var good = new TinyServer(IPAddress.Parse("127.0.0.2"));
        using var handler = CorsProbeHandler.Create(PublicStandIn, (_, _) => Task.FromResult(new[] { IPAddress.Parse("127.0.0.2") }));

        var report = await CorsProbe.For($"http://api.customer.test:{good.Port}/").WithOrigin(Probe.Origin).UsingHandler(handler).RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Allowed);
        good.Connections.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task DnsRebinding_EachConnectChecksTheAnswerItUses()
    {
        // The first two answers public (127.0.0.2: the first probe's OPTIONS and GET, one connection each), every later
        // one internal (127.0.0.1): a check-then-resolve-again guard would connect to the internal address; this one
        // resolves once per connect and connects only to what it checked.
        using var good = new TinyServer(IPAddress.Parse("127.0.0.2"));
        using var internalServer = new TinyServer(IPAddress.Loopback, good.Port);
        var calls = 0;
        Task<IPAddress[]> Rebinding(string host, CancellationToken token) =>
            Task.FromResult(new[] { Interlocked.Increment(ref calls) <= 2 ? IPAddress.Parse("127.0.0.2") : IPAddress.Loopback });

        using var first = CorsProbeHandler.Create(PublicStandIn, Rebinding);
        using var second = CorsProbeHandler.Create(PublicStandIn, Rebinding);
        var allowed = await CorsProbe.For($"http://rebind.test:{good.Port}/").WithOrigin(Probe.Origin).UsingHandler(first).RunAsync();
        var refused = await CorsProbe.For($"http://rebind.test:{good.Port}/").WithOrigin(Probe.Origin).UsingHandler(second).RunAsync();

        allowed.Verdict.Should().Be(CorsVerdict.Allowed, allowed.ToString());
        refused.Findings.First().Code.Should().Be("CORS016");
        internalServer.Connections.Should().Be(0, "no connect may reach an address that was not checked");
    }

    [Fact]
    public async Task ARedirectToAnInternalAddress_IsRefusedAtConnect_LikeAnyOtherRequest()
    {
        // The public API answers its GET with a redirect to a name that resolves to the internal network.
        using var internalServer = new TinyServer(IPAddress.Loopback);
        using var good = new TinyServer(IPAddress.Parse("127.0.0.2"), answer: head => head.StartsWith("GET", StringComparison.Ordinal)
            ? $"HTTP/1.1 302 Found\r\nLocation: http://internal.test:{internalServer.Port}/\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            : "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n");
        using var handler = CorsProbeHandler.Create(PublicStandIn, (host, _) =>
            Task.FromResult(new[] { host == "internal.test" ? IPAddress.Loopback : IPAddress.Parse("127.0.0.2") }));

        var report = await CorsProbe.For($"http://api.customer.test:{good.Port}/").WithOrigin(Probe.Origin).UsingHandler(handler).RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Unreachable, report.ToString());
        report.Findings.Should().Contain(f => f.Code == "CORS016" && f.Message.Contains($"internal.test:{internalServer.Port}"));
        report.Preflights.Single().Redirects.Should().ContainSingle().Which.Error.Should().Contain("internal.test");
        internalServer.Connections.Should().Be(0, "no hop may reach an address the policy refuses");
    }

    [Fact]
    public async Task AllowLoopback_OnTheBuilder_ReachesALocalApi()
    {
        using var server = new TinyServer(IPAddress.Loopback);

        var report = await CorsProbe.For($"http://127.0.0.1:{server.Port}/api").WithOrigin(Probe.Origin).AllowLoopback().RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Allowed);
    }

    [Fact]
    public async Task AnIPv6LiteralWithAZoneId_IsRefused()
    {
        var report = await CorsProbe.For("http://[fe80::1%251]:8080/").WithOrigin(Probe.Origin).AllowLoopback().AllowPrivateNetworks().RunAsync();

        report.Findings.First().Code.Should().Be("CORS016");
    }

    [Fact]
    public void ThePolicy_IsImmutable_AndComparesByValue()
    {
        var loopback = NetworkPolicy.PublicOnly.AllowLoopback();

        NetworkPolicy.PublicOnly.AllowsLoopback.Should().BeFalse();
        loopback.Should().Be(NetworkPolicy.PublicOnly.AllowLoopback());
        loopback.Permits(IPAddress.Loopback).Should().BeTrue();
        loopback.Permits(IPAddress.Parse("169.254.169.254")).Should().BeFalse();
        NetworkPolicy.PublicOnly.AllowPrivateNetworks().Permits(IPAddress.Parse("10.0.0.1")).Should().BeTrue();
        NetworkPolicy.PublicOnly.AllowPrivateNetworks().Permits(IPAddress.Parse("169.254.169.254")).Should().BeFalse();
        NetworkPolicy.PublicOnly.AllowRange(IPNetwork.Parse("100.64.0.0/10")).Permits(IPAddress.Parse("::ffff:100.64.0.1")).Should().BeTrue();
        NetworkPolicy.PublicOnly.Permits(IPAddress.Parse("1.1.1.1")).Should().BeTrue();
        var ranged = NetworkPolicy.PublicOnly.AllowLoopback().AllowRange(IPNetwork.Parse("100.64.0.0/10"));
        ranged.AllowedRanges.Should().Equal(IPNetwork.Parse("100.64.0.0/10"));
        ranged.ToString().Should().Be("public addresses, loopback, 100.64.0.0/10");
    }

    /// <summary>Answers every request with an allowing 204 and counts connections.</summary>
    private sealed class TinyServer : IDisposable
    {
        private readonly TcpListener _listener;
        private int _connections;

        private readonly Func<string, string>? _answer;

        public TinyServer(IPAddress address, int port = 0, Func<string, string>? answer = null)
        {
            _answer = answer;
            _listener = new TcpListener(address, port);
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose() => _listener.Stop();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _connections);
                    _ = AnswerAsync(client, _answer);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }

        private static async Task AnswerAsync(TcpClient client, Func<string, string>? answer)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var buffer = new byte[8192];
                    var head = new StringBuilder();
                    while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await stream.ReadAsync(buffer);
                        if (read == 0)
                        {
                            return;
                        }

                        head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    var response = answer?.Invoke(head.ToString())
                        ?? "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: GET\r\nAccess-Control-Max-Age: 600\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
                }
                catch (IOException)
                {
                }
            }
        }
    }
}

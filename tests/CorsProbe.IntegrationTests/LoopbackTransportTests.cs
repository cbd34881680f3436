using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CorsProbing.IntegrationTests;

/// <summary>The default transport against raw loopback sockets.</summary>
public class LoopbackTransportTests
{
    [Fact]
    public async Task AServerThatNeverAnswers_TimesOutWithinTheTimeoutPlusOneSecond()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepting = listener.AcceptSocketAsync(TestContext.Current.CancellationToken);
        var timeout = TimeSpan.FromMilliseconds(500);
        var clock = Stopwatch.StartNew();

        var report = await CorsProbe.For($"http://127.0.0.1:{port}/silent").WithOrigin("https://dashboard.galxe.com").AllowLoopback()
            .WithTimeout(timeout).ProbeAsync(TestContext.Current.CancellationToken);

        clock.Elapsed.Should().BeLessThan(timeout + TimeSpan.FromSeconds(1));
        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings[0].Code.Should().Be("CORS002");
        (await accepting).Dispose();
    }

    [Fact]
    public async Task TheDefaultTransport_DoesNotFollowRedirects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = ServeOnceAsync(listener, "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        var report = await CorsProbe.For($"http://127.0.0.1:{port}/moved").WithOrigin("https://dashboard.galxe.com").AllowLoopback()
            .RequireMethods("PUT").ProbeAsync(TestContext.Current.CancellationToken);

        var request = await serving;
        report.Findings[0].Code.Should().Be("CORS004");
        report.Preflights.Single().StatusCode.Should().Be(307);
        request.Should().StartWith("OPTIONS /moved HTTP/1.1\r\n");
    }

    [Fact]
    public async Task TheDefaultTransport_SendsOnlyTheBrowsersHeaders_AndKeepsRepeatedResponseLines()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = ServeOnceAsync(listener,
            "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://dashboard.galxe.com\r\naccess-control-allow-methods: GET\r\nACCESS-CONTROL-ALLOW-METHODS:  PUT \r\nConnection: close\r\n\r\n");

        var report = await CorsProbe.For($"http://127.0.0.1:{port}/raw?x=$y").WithOrigin("https://dashboard.galxe.com").AllowLoopback()
            .RequireMethods("PUT").RequireHeaders("X-B", "X-A").ProbeAsync(TestContext.Current.CancellationToken);

        var request = await serving;
        var lines = request.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("OPTIONS /raw?x=$y HTTP/1.1");
        lines.Skip(1).Select(l => l[..l.IndexOf(':')]).Should().BeEquivalentTo(
            ["Host", "Accept", "Access-Control-Request-Method", "Access-Control-Request-Headers", "Origin", "User-Agent"]);
        lines.Should().Contain("Access-Control-Request-Headers: x-a,x-b");
        report.Findings.Should().NotContain(f => f.Code == "CORS011", "the two ACAM lines merge into GET, PUT");
        report.Preflights.Single().ResponseHeaders.Count(h => h.Key.Equals("Access-Control-Allow-Methods", StringComparison.OrdinalIgnoreCase)).Should().Be(2);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::1", "[::1]")]
    public async Task TheDefaultTransport_WritesTheRequestLineAndHost_AsBrowsersDo(string address, string host)
    {
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = ServeOnceAsync(listener, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");

        await CorsProbe.For($"http://{host}:{port}/caf\u00e9/quests?q=\u00fc").WithOrigin("https://dashboard.galxe.com").AllowLoopback()
            .RequireMethods("PUT").ProbeAsync(TestContext.Current.CancellationToken);

        var lines = (await serving).Split("\r\n");
        lines[0].Should().Be("OPTIONS /caf%C3%A9/quests?q=%C3%BC HTTP/1.1", "characters beyond ASCII go as UTF-8, percent-encoded");
        lines[1].Should().Be($"Host: {host}:{port}");
    }

    [Fact]
    public async Task TheDefaultTransport_BoundsTheResponseHeaders_AndReportsHugeOnesAsMalformed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var huge = new string('a', 300 * 1024);
        var serving = ServeOnceAsync(listener, $"HTTP/1.1 204 No Content\r\nX-Padding: {huge}\r\nConnection: close\r\n\r\n");

        var report = await CorsProbe.For($"http://127.0.0.1:{port}/huge").WithOrigin("https://dashboard.galxe.com").AllowLoopback()
            .ProbeAsync(TestContext.Current.CancellationToken);

        await serving;
        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings[0].Code.Should().Be("CORS019");
        report.Findings[0].Message.Should().Contain("larger than 256 KiB");
    }

    [Fact]
    public async Task TheDefaultTransport_NeverSendsCookies_EvenAfterAServerSetsOne()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        const string answer = "HTTP/1.1 204 No Content\r\nSet-Cookie: session=secret; Path=/\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n";
        var url = $"http://127.0.0.1:{port}/cookies";

        var first = ServeOnceAsync(listener, answer);
        await CorsProbe.For(url).WithOrigin("https://dashboard.galxe.com").AllowLoopback().ProbeAsync(TestContext.Current.CancellationToken);
        await first;
        var second = ServeOnceAsync(listener, answer);
        await CorsProbe.For(url).WithOrigin("https://dashboard.galxe.com").AllowLoopback().WithCredentials().ProbeAsync(TestContext.Current.CancellationToken);

        (await second).Should().NotContainEquivalentOf("Cookie:");
    }

    private static async Task<string> ServeOnceAsync(TcpListener listener, string response)
    {
        using var socket = await listener.AcceptSocketAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[8192];
        var received = new System.Text.StringBuilder();
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, TestContext.Current.CancellationToken);
            if (read == 0)
            {
                break;
            }

            received.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
        }

        await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(response), SocketFlags.None, TestContext.Current.CancellationToken);
        socket.Shutdown(SocketShutdown.Both);
        return received.ToString();
    }
}

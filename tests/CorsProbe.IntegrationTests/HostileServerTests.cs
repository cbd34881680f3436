using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using System.Text;
using CorsProbing.IntegrationTests.Support;
using CorsProbing.Testing;

namespace CorsProbing.IntegrationTests;

/// <summary>
/// Raw loopback servers that misbehave on purpose. Every probe must end in bounded time (the timeout plus one second)
/// with a report, never an exception, and the finding that names what went wrong; afterwards no client socket is left
/// open (beyond one pooled for reuse after a complete response) and no task exception went unobserved.
/// </summary>
[Collection(RunsAlone.Name)]
public class HostileServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Bound = Timeout + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AcceptsAndNeverAnswers_TimesOut()
    {
        var (report, elapsed) = await ProbeAgainst(async (stream, token) => await Task.Delay(System.Threading.Timeout.Infinite, token));

        elapsed.Should().BeLessThan(Bound);
        report.Findings[0].Code.Should().Be("CORS002");
    }

    [Fact]
    public async Task Slowloris_OneHeaderBytePerSecond_TimesOut()
    {
        var (report, elapsed) = await ProbeAgainst(async (stream, token) =>
        {
            await ReadRequestAsync(stream, token);
            foreach (var b in Encoding.ASCII.GetBytes("HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\n\r\n"))
            {
                await stream.WriteAsync(new[] { b }, token);
                await Task.Delay(1000, token);
            }
        });

        elapsed.Should().BeLessThan(Bound);
        report.Findings[0].Code.Should().Be("CORS002");
    }

    [Fact]
    public async Task ResetMidHeaders_IsUnreachable()
    {
        var (report, elapsed) = await ProbeAgainst(async (stream, token) =>
        {
            await ReadRequestAsync(stream, token);
            await stream.WriteAsync("HTTP/1.1 204 No Content\r\nAccess-Control-Al"u8.ToArray(), token);
            stream.Socket.LingerState = new LingerOption(true, 0);
            stream.Socket.Close();
        });

        elapsed.Should().BeLessThan(Bound);
        report.Findings[0].Code.Should().Be("CORS001");
    }

    [Fact]
    public async Task ClosesBeforeTheStatusLine_IsUnreachable()
    {
        var (report, _) = await ProbeAgainst(async (stream, token) =>
        {
            await ReadRequestAsync(stream, token);
            stream.Socket.Shutdown(SocketShutdown.Both);
        });

        report.Findings[0].Code.Should().Be("CORS001");
        report.Findings[0].Message.Should().Contain("closed the connection");
    }

    [Fact]
    public async Task GarbageInsteadOfHttp_IsAMalformedResponse_AndUnreachable()
    {
        var (report, _) = await Answering("\u0016\u0003\u0001garbage that is not HTTP at all\r\n\r\n");

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings[0].Code.Should().Be("CORS019");
        report.Findings[0].Message.Should().Contain("does not start with an HTTP status line (it starts '\\x16\\x03\\x01garbage");
    }

    [Fact]
    public async Task HeadersOver256KiB_AreAClearFinding()
    {
        var (report, _) = await Answering("HTTP/1.1 204 No Content\r\nX-Padding: " + new string('a', 300 * 1024) + "\r\n\r\n");

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings[0].Code.Should().Be("CORS019");
        report.Findings[0].Message.Should().Contain("larger than 256 KiB, which browsers refuse");
    }

    [Fact]
    public async Task HeadersOf100KiB_AreReadByChromiumAndFirefox_AndRefusedByWebKit()
    {
        var (report, _) = await Answering("HTTP/1.1 204 No Content\r\nX-Padding: " + new string('a', 100 * 1024) + "\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: PUT\r\n\r\n", reusable: 1);

        report.VerdictFor(CorsProfile.Chromium).Should().Be(CorsVerdict.Allowed, report.ToString());
        report.VerdictFor(CorsProfile.Firefox).Should().Be(CorsVerdict.Allowed);
        report.VerdictFor(CorsProfile.WebKit).Should().Be(CorsVerdict.Unreachable);
        var refused = report.Findings.Should().ContainSingle(f => f.Severity == CorsSeverity.Error).Which;
        refused.Engines.Should().Equal(BrowserEngine.WebKit);
        refused.ToString().Should().Contain(": Safari blocks: ").And.Contain("larger than 64 KiB");
    }

    [Fact]
    public async Task InvalidBytesInAHeaderValue_AreReported_NotThrown()
    {
        var (report, _) = await Answering("HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://dashboard.galxe.com\u0001\r\nAccess-Control-Allow-Methods: PUT\r\n\r\n", reusable: 1);

        report.Verdict.Should().Be(CorsVerdict.Denied, report.ToString());
        report.Findings.Where(f => f.Severity == CorsSeverity.Error).Select(f => f.Code).Should().Equal("CORS007");
        report.Findings[0].Message.Should().Contain("`Access-Control-Allow-Origin: https://dashboard.galxe.com\\x01` does not match", "the control byte is named, escaped");
    }

    [Fact]
    public async Task ANulByteAfterTheOrigin_IsAMalformedResponse_AndItsConnectionIsClosed()
    {
        var (report, _) = await Answering("HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://dashboard.galxe.com\0\r\nAccess-Control-Allow-Methods: PUT\r\n\r\n");

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings[0].Code.Should().Be(CorsFindingCodes.MalformedResponse);
        report.Findings[0].Message.Should().Contain("a NUL byte (0x00) at byte 81, in the line 'Access-Control-Allow-Origin: https://dashboard.galxe.com\\x00'");
        report.Preflights[0].RawBytesRead.Should().BeTrue();
    }

    [Fact]
    public async Task TwoDifferentContentLengths_AreAMalformedResponse()
    {
        var (report, _) = await Answering("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: PUT\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\n");

        report.Findings[0].Code.Should().Be(CorsFindingCodes.MalformedResponse);
        report.Findings[0].Message.Should().Contain("Content-Length has different values ('0' and '5')");
    }

    [Fact]
    public async Task APreflightBodyShorterThanItsContentLength_FailsInWebKit_Only()
    {
        var (report, _) = await ProbeAgainst(async (stream, token) =>
        {
            await ReadRequestAsync(stream, token);
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: PUT\r\nContent-Length: 5\r\n\r\nok"u8.ToArray(), token);
            stream.Socket.Shutdown(SocketShutdown.Send);
        });

        report.VerdictFor(CorsProfile.Chromium).Should().Be(CorsVerdict.Allowed, report.ToString());
        report.VerdictFor(CorsProfile.Firefox).Should().Be(CorsVerdict.Allowed);
        report.VerdictFor(CorsProfile.WebKit).Should().Be(CorsVerdict.Unreachable);
        report.Findings.Should().Contain(f => f.Code == CorsFindingCodes.MalformedResponse && f.Message.Contains("closed after 2 byte(s) of the body, which its Content-Length announces as 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AContentLengthOfMinusOne_OnTheActualResponse_IsReadByWebKit()
    {
        var (report, _) = await ProbeAgainst(async (stream, token) =>
        {
            var request = await ReadRequestAsync(stream, token);
            await stream.WriteAsync(request.StartsWith("OPTIONS", StringComparison.Ordinal)
                ? "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: PUT\r\nConnection: close\r\n\r\n"u8.ToArray()
                : "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: -1\r\n\r\nok"u8.ToArray(), token);
            stream.Socket.Shutdown(SocketShutdown.Send);
        }, configure: p => p.RequireMethods("GET"), followUps: true);

        report.VerdictFor(CorsProfile.WebKit).Should().Be(CorsVerdict.Allowed, report.ToString());
    }

    [Fact]
    public async Task AStatusLineWithoutACode_IsReadAs200ByChromium_AndRefusedByFirefoxAndWebKit()
    {
        var (report, _) = await Answering("HTTP/1.1 OK\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: PUT\r\nContent-Length: 0\r\n\r\n");

        report.VerdictFor(CorsProfile.Chromium).Should().Be(CorsVerdict.Allowed, report.ToString());
        report.VerdictFor(CorsProfile.Firefox).Should().Be(CorsVerdict.Unreachable);
        report.VerdictFor(CorsProfile.WebKit).Should().Be(CorsVerdict.Unreachable);
        report.Preflights.Select(p => string.Join("+", p.Engines)).Should().Equal("Chromium", "Firefox+WebKit");
        report.Preflights[0].StatusCode.Should().Be(200);
        report.Findings.Should().Contain(f => f.Code == CorsFindingCodes.MalformedResponse && f.Engines.SequenceEqual(new[] { BrowserEngine.Firefox, BrowserEngine.WebKit })
            && f.ToString().Contains(": Firefox and Safari block: ", StringComparison.Ordinal));
        var lenient = report.Findings.Should().ContainSingle(f => f.Code == CorsFindingCodes.LenientResponse).Which;
        lenient.Severity.Should().Be(CorsSeverity.Warning);
        lenient.Message.Should().Contain("the status line 'HTTP/1.1 OK' has no status code: browsers take it as 200");
    }

    [Fact]
    public async Task AHeadInTwoPieces_WithALineBrowsersDrop_IsReadWhole_AndItsConnectionKept()
    {
        var (report, elapsed) = await ProbeAgainst(async (stream, token) =>
        {
            await ReadRequestAsync(stream, token);
            await stream.WriteAsync("HTTP/1.1 204 No Content\r\nX Note: b\r\n"u8.ToArray(), token);
            await Task.Delay(200, token);
            await stream.WriteAsync("Access-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: PUT\r\n\r\n"u8.ToArray(), token);
            await Task.Delay(System.Threading.Timeout.Infinite, token);
        }, reusable: 1);

        elapsed.Should().BeLessThan(Bound);
        report.Verdict.Should().Be(CorsVerdict.Allowed, report.ToString());
        report.Findings.Should().ContainSingle(f => f.Code == CorsFindingCodes.LenientResponse).Which.Message
            .Should().Contain("the line 'X Note: b' was dropped");
    }

    [Fact]
    public async Task AMalformedActualResponse_FailsTheBrowsersCall()
    {
        var (report, _) = await ProbeAgainst(
            async (stream, token) =>
            {
                while ((await ReadRequestAsync(stream, token)) is { Length: > 0 } request)
                {
                    var answer = request.StartsWith("OPTIONS", StringComparison.Ordinal)
                        ? "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: GET, PUT\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\nok";
                    await stream.WriteAsync(Encoding.Latin1.GetBytes(answer), token);
                }

                await Task.Delay(System.Threading.Timeout.Infinite, token);
            },
            configure: probe => probe.RequireMethods("GET"),
            followUps: true);

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Unreachable);
        var finding = report.Findings.Should().ContainSingle(f => f.Code == CorsFindingCodes.MalformedResponse && f.Method == "GET").Which;
        finding.Title.Should().Be("Actual request got a malformed response");
        finding.Message.Should().Contain("The actual GET a browser sends got a malformed answer: Content-Length has different values ('2' and '5')");
    }

    [Fact]
    public async Task AServerThatDropsAKeptAliveConnection_IsAskedAgainOnANewConnection()
    {
        var (report, _) = await ProbeAgainst(
            async (stream, token) =>
            {
                // One answer per connection, kept alive; the next request on it finds the connection closed.
                await ReadRequestAsync(stream, token);
                await stream.WriteAsync("HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: GET, PUT\r\n\r\n"u8.ToArray(), token);
                await ReadRequestAsync(stream, token);
                stream.Socket.Shutdown(SocketShutdown.Both);
            },
            configure: probe => probe.RequireMethods("GET"),
            reusable: 1,
            followUps: true);

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed, report.ToString());
        report.Preflights.Should().OnlyContain(p => p.ActualRequest!.StatusCode == 204);
    }

    [Fact]
    public async Task AStormOfInformationalResponses_EndsInBoundedTime()
    {
        var storm = string.Concat(Enumerable.Repeat("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n", 500));
        var (report, elapsed) = await Answering(storm + "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: PUT\r\n\r\n", reusable: 1);

        elapsed.Should().BeLessThan(Bound);
        report.Should().NotBeNull();
    }

    [Fact]
    public async Task ATlsHandshakeThatStalls_TimesOut()
    {
        var (report, elapsed) = await ProbeAgainst(async (stream, token) => await Task.Delay(System.Threading.Timeout.Infinite, token), scheme: "https");

        elapsed.Should().BeLessThan(Bound);
        report.Findings[0].Code.Should().Be("CORS002");
    }

    [Fact]
    public async Task ASelfSignedCertificate_IsUnreachable_NamingTls()
    {
        using var certificate = SelfSigned();
        var (report, _) = await ProbeAgainst(
            async (stream, token) =>
            {
                using var tls = new SslStream(stream);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, token);
            },
            scheme: "https",

            // The first chain validation in a process loads the system's roots: more than a second on a busy machine.
            configure: probe => probe.WithTimeout(TimeSpan.FromSeconds(10)));

        report.Findings[0].Code.Should().Be("CORS001");
        report.Findings[0].Message.Should().Contain("TLS");
    }

    [Fact]
    public async Task ASelfSignedCertificate_ThatTheProbeTrusts_IsAccepted()
    {
        using var certificate = SelfSigned();
        var (report, _) = await ProbeAgainst(TlsAnswering(certificate, AllowingPut), scheme: "https", configure: p => p.TrustCertificate(certificate), reusable: 1);

        report.Verdict.Should().Be(CorsVerdict.Allowed, report.ToString());
    }

    [Fact]
    public async Task TrustingOneCertificate_DoesNotTrustAnother()
    {
        using var trusted = SelfSigned();
        using var presented = SelfSigned();
        var (report, _) = await ProbeAgainst(TlsAnswering(presented, AllowingPut), scheme: "https", configure: p => p.TrustCertificate(trusted));

        report.Findings[0].Code.Should().Be("CORS001");
        report.Findings[0].Message.Should().Contain("TLS");
    }

    [Fact]
    public async Task TheGuardedHandler_CanTrustACertificate()
    {
        using var certificate = SelfSigned();
        using var handler = CorsProbeHandler.Create(NetworkPolicy.PublicOnly.AllowLoopback(), [certificate]);
        var (report, _) = await ProbeAgainst(TlsAnswering(certificate, AllowingPut), scheme: "https", configure: p => p.UsingHandler(handler), reusable: 1);

        report.Verdict.Should().Be(CorsVerdict.Allowed, report.ToString());
    }

    [Fact]
    public async Task AResetAfterAPassingPreflight_IsAFailedCall_Bounded_WithNoSocketLeft()
    {
        // The preflight is answered; the stand-in GET that follows is reset, on every connection.
        var (report, elapsed) = await ProbeAgainst(
            async (stream, token) =>
            {
                while ((await ReadRequestAsync(stream, token)).StartsWith("OPTIONS", StringComparison.Ordinal))
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(AllowingPut), token);
                }

                stream.Socket.LingerState = new LingerOption(true, 0);
            },
            reusable: 1,
            followUps: true);

        report.VerdictFor(CorsProfile.Browser).Should().NotBe(CorsVerdict.Allowed, report.ToString());
        report.Findings.Should().Contain(f => f.Code == "CORS001" && f.Message.Contains("stand-in GET for PUT got no response"));
        elapsed.Should().BeLessThan(Bound);
    }

    [Fact]
    public async Task ARedirectToLoopback_IsReported_NeverFollowed()
    {
        var (report, _) = await Answering("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1/\r\nContent-Length: 0\r\n\r\n", reusable: 1);

        report.Findings[0].Code.Should().Be("CORS004");
        report.Preflights.Single().StatusCode.Should().Be(302);
    }

    private const string AllowingPut =
        "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://dashboard.galxe.com\r\nAccess-Control-Allow-Methods: PUT\r\nVary: Origin\r\n\r\n";

    private static Task<(CorsReport Report, TimeSpan Elapsed)> Answering(string response, int reusable = 0) =>
        ProbeAgainst(
            async (stream, token) =>
            {
                await ReadRequestAsync(stream, token);
                await stream.WriteAsync(Encoding.Latin1.GetBytes(response), token);
                await Task.Delay(System.Threading.Timeout.Infinite, token);
            },
            reusable: reusable);

    // A TLS server with `certificate` that answers every request with `response`.
    private static Func<NetworkStream, CancellationToken, Task> TlsAnswering(X509Certificate2 certificate, string response) =>
        async (stream, token) =>
        {
            await using var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, token);
            await ReadRequestAsync(tls, token);
            await tls.WriteAsync(Encoding.Latin1.GetBytes(response), token);
            await Task.Delay(System.Threading.Timeout.Infinite, token);
        };

    // Serves every connection with `behave`, probes it (PUT, OPTIONS only unless `followUps`: most hostile answers are to
    // the preflight), stops the server, then
    // checks that at most `reusable` client sockets stay open (a pooled connection after a complete response) and that
    // no task exception went unobserved.
    private static async Task<(CorsReport Report, TimeSpan Elapsed)> ProbeAgainst(
        Func<NetworkStream, CancellationToken, Task> behave, string scheme = "http", Func<CorsProbeBuilder, CorsProbeBuilder>? configure = null, int reusable = 0, bool followUps = false)
    {
        UnobservedExceptions.Watch();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        // Every connection misbehaves the same way: HttpClient may retry a request on a fresh connection.
        var connections = new List<Task>();
        var serving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                connections.Add(Task.Run(async () =>
                {
                    using (socket)
                    {
                        await using var stream = new NetworkStream(socket, ownsSocket: false);
                        await behave(stream, stop.Token);
                    }
                }));
            }
        });

        var clock = Stopwatch.StartNew();
        var probe = CorsProbe.For($"{scheme}://127.0.0.1:{port}/hostile").WithOrigin("https://dashboard.galxe.com").AllowLoopback()
            .RequireMethods("PUT").WithTimeout(Timeout);
        probe = followUps ? probe : probe.WithoutActualRequests();
        var report = await (configure?.Invoke(probe) ?? probe).ProbeAsync(TestContext.Current.CancellationToken);
        var elapsed = clock.Elapsed;

        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await serving.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The accept loop ends when the listener stops.
        }

        try
        {
            await Task.WhenAll(connections).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // The server's own end of a hostile exchange: expected.
        }

        (await LoopbackSockets.SettleAsync(port, reusable, TimeSpan.FromSeconds(3))).Should().BeLessThanOrEqualTo(reusable, "no client socket may outlive a failed exchange");
        UnobservedExceptions.Collect().Should().BeEmpty();
        return (report, elapsed);
    }

    // Reads one request head; returns it, or what arrived before the client closed.
    private static async Task<string> ReadRequestAsync(Stream stream, CancellationToken token)
    {
        var buffer = new byte[8192];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, token);
            if (read == 0)
            {
                break;
            }

            seen.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        return seen.ToString();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using CorsProbing.Dashboard.Tests.Support;
using CorsProbing.Demo;

namespace CorsProbing.Dashboard.Tests;

/// <summary>What a public-facing service owes its callers and its network: rate limits, the SSRF guard, cancellation.</summary>
public sealed class MannersTests
{
    [Fact]
    public async Task A_client_over_its_rate_limit_gets_a_429_problem_with_retry_after()
    {
        await using var dashboard = new DashboardFactory(("Dashboard:CheckPermitLimit", "2"), ("Dashboard:CheckWindow", "00:10:00"));
        using var client = dashboard.CreateClient();
        var check = new { url = DemoApi.Origin + "/open", origin = "https://dashboard.galxe.com" };

        for (var i = 0; i < 2; i++)
        {
            (await client.PostCheckAsync("/api/check", check, TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await client.PostCheckAsync("/api/apis", check, TestContext.Current.CancellationToken);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "registering probes too, so it shares the limit");
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await refused.ReadObjectAsync())["title"]!.GetValue<string>().Should().Be("Too many checks.");
        (await client.GetAsync("/api/apis", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK, "reading is not limited");
    }

    [Fact]
    public async Task A_loopback_target_is_refused_unless_its_origin_is_trusted()
    {
        await using var api = await SwitchableCorsApi.StartAsync();
        var check = new { url = api.Url, origin = "https://dashboard.galxe.com", headers = new[] { "Content-Type" } };

        await using (var guarded = new DashboardFactory())
        {
            using var client = guarded.CreateClient();
            using var refused = await client.PostCheckAsync("/api/check", check, TestContext.Current.CancellationToken);
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await refused.ReadProblemAsync("url")).Single().Should().Contain("loopback address, which the network policy refuses");
        }

        await using var trusting = new DashboardFactory(("Dashboard:TrustedTargets:0", api.Origin));
        using var trusted = trusting.CreateClient();
        using var allowed = await trusted.PostCheckAsync("/api/check", check, TestContext.Current.CancellationToken);
        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        CorsReport.FromJson(await allowed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Verdict.Should().Be(CorsVerdict.Allowed);
    }

    [Fact]
    public async Task A_trusted_target_redirecting_into_loopback_is_reported_not_followed()
    {
        await using var api = await SwitchableCorsApi.StartAsync();
        await using var dashboard = new DashboardFactory(("Dashboard:TrustedTargets:0", api.Origin));
        using var client = dashboard.CreateClient();

        // Each hop is routed again: the redirect's target (another loopback port) goes through the SSRF guard.
        using var response = await client.PostCheckAsync("/api/check", new { url = api.Origin + "/moved", origin = "https://dashboard.galxe.com" }, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the URL itself was reachable; where it redirects is a finding of the report");
        var report = CorsReport.FromJson(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        report.Preflights[0].StatusCode.Should().Be(302);
        report.Findings.Should().Contain(f => f.Code == CorsFindingCodes.TargetAddressNotAllowed);
        report.Verdict.Should().NotBe(CorsVerdict.Allowed);
    }

    [Fact]
    public async Task When_the_caller_goes_away_the_probe_stops()
    {
        // A target that accepts the connection and never answers; the probe's own timeout is far away.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var origin = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        await using var dashboard = new DashboardFactory(("Dashboard:TrustedTargets:0", origin), ("CorsProbe:Timeout", "00:01:00"));

        // A real connection, as a browser's: when it goes away, Kestrel aborts the request.
        using var client = new HttpClient { BaseAddress = new Uri(dashboard.StartKestrel()) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DashboardFactory.KeyOf(DashboardFactory.Account));
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var check = client.PostCheckAsync("/api/check", new { url = origin + "/slow", origin = "https://dashboard.galxe.com" }, caller.Token);
        using var connection = await silent.AcceptSocketAsync(TestContext.Current.CancellationToken);

        // Wait for the preflight itself: a connection whose request was cancelled before it was sent may go back to the
        // pool open, but one carrying the cancelled request is closed.
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await connection.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
            read.Should().BePositive("the probe sends its preflight");
            head.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        head.ToString().Should().StartWith("OPTIONS /slow HTTP/1.1");
        await caller.CancelAsync();

        var act = async () => await check;
        await act.Should().ThrowAsync<OperationCanceledException>();
        var closed = await DrainUntilClosedAsync(connection, TimeSpan.FromSeconds(10));
        closed.Should().BeTrue("the dashboard cancels the probe, which closes its connection, long before the 1-minute timeout");
    }

    private static async Task<bool> DrainUntilClosedAsync(Socket connection, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        var buffer = new byte[4096];
        try
        {
            while (await connection.ReceiveAsync(buffer, deadline.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true; // reset: closed as well
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

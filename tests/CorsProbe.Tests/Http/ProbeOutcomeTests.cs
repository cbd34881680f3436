using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace CorsProbing.Tests.Http;

public class ProbeOutcomeTests
{
    [Fact]
    public async Task AClosedLoopbackPort_IsUnreachable_WithCORS001()
    {
        var report = await CorsProbe.For($"http://127.0.0.1:{Loopback.ClosedPort()}/api").WithOrigin(Probe.Origin).AllowLoopback().AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Unreachable);
        var finding = report.Findings.First();
        finding.Code.Should().Be("CORS001");
        finding.Message.Should().Contain("connection");
        report.Preflights.Single().StatusCode.Should().BeNull();
        report.Preflights.Single().Error.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task AHandlerThatThrows_IsUnreachable_NotAnException()
    {
        var report = await Probe.Through(new ThrowingHandler(new HttpRequestException("boom", null, HttpStatusCode.BadGateway))).RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings.First().Message.Should().Contain("boom");
    }

    [Fact]
    public async Task OurTimeout_IsUnreachable_WithCORS002_NotAnException()
    {
        var clock = new FakeTimeProvider();
        var server = new HangingHandler(() => clock.Advance(TimeSpan.FromSeconds(3)));

        var report = await Probe.Through(server).WithTimeout(TimeSpan.FromSeconds(2)).UsingTimeProvider(clock).RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings.First().Code.Should().Be("CORS002");
        report.Findings.First().Message.Should().Contain("2 s");
    }

    [Fact]
    public async Task OurTimeout_CoversEveryPreflight_RemainingOnesAreNotSent()
    {
        var clock = new FakeTimeProvider();
        var server = new HangingHandler(() => clock.Advance(TimeSpan.FromSeconds(11)));

        var report = await Probe.Through(server).RequireMethods("PUT", "DELETE").UsingTimeProvider(clock).RunAsync();

        server.Calls.Should().Be(1);
        report.Findings.Where(f => f.Code == "CORS002").Select(f => f.Method).Should().Equal("PUT", "DELETE");
    }

    [Fact]
    public async Task AClientTimeout_IsReportedAsCORS002()
    {
        using var client = new HttpClient(new HangingHandler(() => { })) { Timeout = TimeSpan.FromMilliseconds(50) };

        var report = await CorsProbe.For(Probe.Url).WithOrigin(Probe.Origin).UsingHttpClient(client).RunAsync();

        report.Findings.First().Code.Should().Be("CORS002");
    }

    [Fact]
    public async Task CallerCancellation_ThrowsOperationCanceled_WithTheCallersToken()
    {
        using var cts = new CancellationTokenSource();
        var server = new HangingHandler(cts.Cancel);

        var act = () => Probe.Through(server).ProbeAsync(cts.Token);

        (await act.Should().ThrowAsync<OperationCanceledException>()).Which.CancellationToken.Should().Be(cts.Token);
    }

    [Fact]
    public async Task AnAlreadyCancelledToken_ThrowsBeforeSending()
    {
        var server = new StubCorsServer();

        var act = () => Probe.Through(server).ProbeAsync(new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        server.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task ASlowAnswer_FailsOnlyTheGalxeProfile()
    {
        var clock = new FakeTimeProvider();
        var server = new DelayedHandler(StubCorsServer.Allowing(Probe.Origin), () => clock.Advance(TimeSpan.FromSeconds(6)));

        var report = await Probe.Through(server).RequireMethods("PUT").UsingTimeProvider(clock).AlsoJudgeBy(CorsProfile.Galxe).RunAsync();

        report.VerdictFor(CorsProfile.Browser).Should().Be(CorsVerdict.Allowed);
        report.VerdictFor(CorsProfile.Galxe).Should().Be(CorsVerdict.Unreachable);
        report.Findings.Should().Contain(f => f.Code == "CORS002" && f.Severity == CorsSeverity.Info && f.Message.Contains("gives up after 5 s"));
    }

    [Fact]
    public async Task TheElapsedTime_IsMeasuredWithTheTimeProvider()
    {
        var clock = new FakeTimeProvider();
        var server = new DelayedHandler(StubCorsServer.Allowing(Probe.Origin), () => clock.Advance(TimeSpan.FromMilliseconds(250)));

        var report = await Probe.Through(server).UsingTimeProvider(clock).RunAsync();

        report.Preflights.Single().Elapsed.Should().Be(TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task TheCallersHandler_IsNotDisposed()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        await Probe.Through(server).RunAsync();
        await Probe.Through(server).RunAsync();

        server.Received.Should().HaveCount(2);
    }

    private sealed class ThrowingHandler(Exception exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(exception);
    }

    private sealed class DelayedHandler(HttpMessageHandler inner, Action onSend) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}

using CorsProbing.Extensions.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace CorsProbing.Extensions.Http.Tests;

/// <summary>
/// A pipeline that sends a request again (a retry on 503, hedged attempts side by side) returns one response, and the
/// report judges exactly that one, through every way there is to plug such a pipeline in. The server refuses the first
/// preflight (503, no CORS header) and grants every later one.
/// </summary>
public class RetryingPipelineTests
{
    private const string Galxe = "https://dashboard.galxe.com";

    [Fact]
    public async Task ARetryingHandler_GivenToUsingHandler_IsJudgedOnTheResponseItReturned()
    {
        await using var server = new FlakyPreflightServer();
        using var handler = new RetryOnce503 { InnerHandler = CorsProbeHandler.Create(NetworkPolicy.PublicOnly.AllowLoopback()) };

        var report = await Probe(server).UsingHandler(handler).ProbeAsync(TestContext.Current.CancellationToken);

        AssertJudgedOnTheGrant(report, server);
    }

    [Fact]
    public async Task ARetryingHandler_InsideAClientGivenToUsingHttpClient_IsJudgedOnTheResponseItReturned()
    {
        await using var server = new FlakyPreflightServer();
        using var client = new HttpClient(new RetryOnce503 { InnerHandler = CorsProbeHandler.Create(NetworkPolicy.PublicOnly.AllowLoopback()) });

        var report = await Probe(server).UsingHttpClient(client).ProbeAsync(TestContext.Current.CancellationToken);

        AssertJudgedOnTheGrant(report, server);
    }

    [Fact]
    public async Task ARetryingHandler_ChainedOnAddCorsProbeHttpClient_IsJudgedOnTheResponseItReturned()
    {
        await using var server = new FlakyPreflightServer();
        using var provider = Provider(services => services.AddCorsProbeHttpClient().AddHttpMessageHandler(() => new RetryOnce503()));

        var report = await provider.GetRequiredService<ICorsProber>().CreateProbe(server.Url).RequireMethods("PUT")
            .ProbeAsync(TestContext.Current.CancellationToken);

        AssertJudgedOnTheGrant(report, server);
    }

    [Fact]
    public async Task TheStandardResilienceHandler_RetryingA503_IsJudgedOnTheResponseItReturned()
    {
        await using var server = new FlakyPreflightServer();
        using var provider = Provider(services => services.AddCorsProbeHttpClient()
            .AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(10)));

        var report = await provider.GetRequiredService<ICorsProber>().CreateProbe(server.Url).RequireMethods("PUT")
            .ProbeAsync(TestContext.Current.CancellationToken);

        AssertJudgedOnTheGrant(report, server);
    }

    [Fact]
    public async Task TheStandardHedgingHandler_WithASlowFirstAttempt_IsJudgedOnTheResponseItReturned()
    {
        await using var server = new FlakyPreflightServer(firstAnswerDelay: TimeSpan.FromMilliseconds(500));
        using var provider = Provider(services => services.AddCorsProbeHttpClient()
            .AddStandardHedgingHandler().Configure(o => o.Hedging.Delay = TimeSpan.FromMilliseconds(50)));

        var report = await provider.GetRequiredService<ICorsProber>().CreateProbe(server.Url).RequireMethods("PUT")
            .ProbeAsync(TestContext.Current.CancellationToken);

        AssertJudgedOnTheGrant(report, server);
    }

    [Fact]
    public async Task AHedgingHandler_GivenToUsingHandler_IsJudgedOnTheAttemptThatWon()
    {
        await using var server = new FlakyPreflightServer(firstAnswerDelay: TimeSpan.FromMilliseconds(500));
        using var handler = new HedgeAfter(TimeSpan.FromMilliseconds(50)) { InnerHandler = CorsProbeHandler.Create(NetworkPolicy.PublicOnly.AllowLoopback()) };

        var report = await Probe(server).UsingHandler(handler).ProbeAsync(TestContext.Current.CancellationToken);

        AssertJudgedOnTheGrant(report, server);
    }

    [Fact]
    public async Task WithoutAPipeline_TheFirstAnswerIsTheOneJudged_AsBrowsersSeeIt()
    {
        await using var server = new FlakyPreflightServer();
        using var provider = Provider(_ => { });

        var report = await provider.GetRequiredService<ICorsProber>().CreateProbe(server.Url).RequireMethods("PUT")
            .ProbeAsync(TestContext.Current.CancellationToken);

        report.Verdict.Should().Be(CorsVerdict.Denied, "browsers do not retry a preflight that got a 503");
        report.Preflights[0].StatusCode.Should().Be(503);
        report.Preflights[0].RawBytesRead.Should().BeTrue();
        server.Preflights.Should().Be(1);
    }

    private static CorsProbeBuilder Probe(FlakyPreflightServer server) =>
        CorsProbe.For(server.Url).WithOrigin(Galxe).RequireMethods("PUT");

    private static ServiceProvider Provider(Action<IServiceCollection> plugIn)
    {
        var services = new ServiceCollection();
        services.AddCorsProbe(o =>
        {
            o.DefaultOrigin = Galxe;
            o.AllowLoopback = true;
        });
        plugIn(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static void AssertJudgedOnTheGrant(CorsReport report, FlakyPreflightServer server)
    {
        server.Preflights.Should().BeGreaterThanOrEqualTo(2, "the pipeline sent the preflight again");
        report.Verdict.Should().Be(CorsVerdict.Allowed, report.ToString());
        var preflight = report.Preflights.Single();
        preflight.StatusCode.Should().Be(204);
        preflight.RawBytesRead.Should().BeFalse("a caller's pipeline is judged on what .NET parsed");
        report.Findings.Should().NotContain(f => f.Severity == CorsSeverity.Error);
    }

    // A DelegatingHandler a user writes: sends the request again once when the answer is a 503.
    private sealed class RetryOnce503 : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable)
            {
                return response;
            }

            response.Dispose();
            return await base.SendAsync(Copy(request), cancellationToken);
        }
    }

    // A DelegatingHandler a user writes: a second attempt after a delay, side by side with the first; the first answer
    // that is not a 5xx wins.
    private sealed class HedgeAfter(TimeSpan delay) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var losers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var attempts = new List<Task<HttpResponseMessage>> { base.SendAsync(request, losers.Token) };
            var first = await Task.WhenAny(attempts[0], Task.Delay(delay, cancellationToken));
            if (first != attempts[0])
            {
                attempts.Add(base.SendAsync(Copy(request), losers.Token));
            }

            while (attempts.Count > 0)
            {
                var done = await Task.WhenAny(attempts);
                attempts.Remove(done);
                var response = await done;
                if ((int)response.StatusCode < 500 || attempts.Count == 0)
                {
                    await losers.CancelAsync();
                    foreach (var loser in attempts)
                    {
                        try
                        {
                            (await loser).Dispose();
                        }
                        catch (OperationCanceledException)
                        {
                        }
                    }

                    return response;
                }

                response.Dispose();
            }

            throw new InvalidOperationException("unreachable");
        }
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }
}

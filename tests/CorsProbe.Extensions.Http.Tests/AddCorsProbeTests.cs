using CorsProbing.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorsProbing.Extensions.Http.Tests;

public class AddCorsProbeTests
{
    private const string Galxe = "https://dashboard.galxe.com";

    private static ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddCorsProbe_RegistersTheProber_AndReturnsTheServices()
    {
        var services = new ServiceCollection();

        var returned = services.AddCorsProbe();

        returned.Should().BeSameAs(services);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<ICorsProber>();
        provider.GetService<IHttpClientFactory>().Should().BeNull("the prober sends through CorsProbe's own transport unless AddCorsProbeHttpClient asks otherwise");
    }

    [Fact]
    public void AddCorsProbeHttpClient_ReturnsTheNamedClientsBuilder()
    {
        IHttpClientBuilder? builder = null;
        using var provider = Build(services => builder = services.AddCorsProbe().AddCorsProbeHttpClient());

        builder!.Name.Should().Be(ICorsProber.HttpClientName);
        provider.GetRequiredService<IHttpClientFactory>().CreateClient(ICorsProber.HttpClientName).Timeout.Should().Be(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public async Task ByDefault_ProbesReadTheRawBytes_AndABuilderCallOnTheProbeIsHonoured()
    {
        await using var server = new PreflightAnsweringServer();
        using var provider = Build(services => services.AddCorsProbe(o => o.DefaultOrigin = Galxe));

        var report = await provider.GetRequiredService<ICorsProber>().CreateProbe(server.Url).AllowLoopback().RequireMethods("PUT")
            .ProbeAsync(TestContext.Current.CancellationToken);

        report.IsAllowed.Should().BeTrue(report.ToString());
        report.Preflights.Should().OnlyContain(p => p.RawBytesRead);
    }

    [Fact]
    public async Task ThroughTheHttpClient_ProbesJudgeWhatThePipelineReturned_WithoutReadingRawBytes()
    {
        await using var server = new PreflightAnsweringServer();
        using var provider = Build(services => services.AddCorsProbe(FromTheDashboardToLoopback).AddCorsProbeHttpClient());

        var report = await provider.GetRequiredService<ICorsProber>().CreateProbe(server.Url).RequireMethods("PUT")
            .ProbeAsync(TestContext.Current.CancellationToken);

        report.IsAllowed.Should().BeTrue(report.ToString());
        report.Preflights.Should().OnlyContain(p => !p.RawBytesRead);
    }

    [Fact]
    public void RegisteringTwice_KeepsOneProber()
    {
        using var provider = Build(services =>
        {
            services.AddCorsProbe();
            services.AddCorsProbe();
        });

        provider.GetServices<ICorsProber>().Should().ContainSingle();
    }

    [Fact]
    public void OptionsBind_FromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CorsProbe:DefaultOrigin"] = Galxe,
            ["CorsProbe:Profile"] = "Galxe",
            ["CorsProbe:Timeout"] = "00:00:03",
            ["CorsProbe:MaxConcurrency"] = "8",
            ["CorsProbe:MaxConcurrencyPerHost"] = "2",
            ["CorsProbe:AllowLoopback"] = "true",
            ["CorsProbe:WithoutActualRequests"] = "true",
        }).Build();
        using var provider = Build(services => services.AddCorsProbe(configuration.GetSection(CorsProbeOptions.SectionName)));

        var options = provider.GetRequiredService<IOptions<CorsProbeOptions>>().Value;

        options.DefaultOrigin.Should().Be(Galxe);
        options.Profile.Should().Be(CorsProfile.Galxe);
        options.Timeout.Should().Be(TimeSpan.FromSeconds(3));
        options.MaxConcurrency.Should().Be(8);
        options.MaxConcurrencyPerHost.Should().Be(2);
        options.ToNetworkPolicy().Should().Be(NetworkPolicy.PublicOnly.AllowLoopback());
        options.WithoutActualRequests.Should().BeTrue();
    }

    [Fact]
    public void TheProbeBuilder_CarriesTheConfiguredDefaults()
    {
        using var provider = Build(services => services.AddCorsProbe(o =>
        {
            o.DefaultOrigin = Galxe;
            o.Profile = CorsProfile.Galxe;
        }));

        var probe = provider.GetRequiredService<ICorsProber>().CreateProbe("https://api.example.com/quests");

        probe.ToString().Should().Contain(Galxe).And.Contain("Galxe");
    }

    [Fact]
    public void EachProbe_IsTheConfiguredTemplate_RetargetedToItsUrl_AndFollowsAReload()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DefaultOrigin"] = Galxe }).Build();
        using var provider = Build(services => services.AddCorsProbe(configuration));
        var prober = provider.GetRequiredService<ICorsProber>();

        var first = prober.CreateProbe("https://api.example.com/one");
        var second = prober.CreateProbe("https://api.example.com/two");
        configuration["DefaultOrigin"] = "https://other.example";
        configuration.Reload();
        var third = prober.CreateProbe("https://api.example.com/three");

        first.Url.AbsolutePath.Should().Be("/one");
        second.Url.AbsolutePath.Should().Be("/two");
        second.ToString().Should().Contain(Galxe);
        third.ToString().Should().Contain("https://other.example", "a configuration reload gives a new template");
        FluentActions.Invoking(() => prober.CreateProbe("not a url")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("url");
    }

    [Theory]
    [InlineData("firefox")]
    [InlineData("WebKit")]
    [InlineData("Chromium")]
    public void AnEnginesProfile_BindsByName(string name)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CorsProbe:Profile"] = name }).Build();
        using var provider = Build(services => services.AddCorsProbe(configuration.GetSection(CorsProbeOptions.SectionName)));

        var profile = provider.GetRequiredService<IOptions<CorsProbeOptions>>().Value.Profile;

        profile.Should().Be(CorsProfile.FindBuiltIn(name));
        profile.Engines.Should().ContainSingle().Which.Name.Should().BeEquivalentTo(name);
    }

    [Theory]
    [InlineData("DefaultOrigin", "dashboard.galxe.com")]
    [InlineData("Timeout", "-00:00:01")]
    [InlineData("MaxConcurrency", "0")]
    [InlineData("MaxConcurrencyPerHost", "0")]
    [InlineData("Profile", "Chrome")]
    [InlineData("AlsoJudge:0", "Gaxle")]
    public void InvalidOptions_FailWithTheReason(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var provider = Build(services => services.AddCorsProbe(configuration));

        FluentActions.Invoking(() => provider.GetRequiredService<IOptions<CorsProbeOptions>>().Value)
            .Should().Throw<OptionsValidationException>().WithMessage($"*CorsProbe:{key}*", "the message names the configuration key to fix");
    }

    [Fact]
    public async Task AlsoJudge_FromConfiguration_JudgesEveryReportUnderThoseProfilesToo()
    {
        await using var server = new PreflightAnsweringServer();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CorsProbe:DefaultOrigin"] = Galxe,
            ["CorsProbe:AllowLoopback"] = "true",
            ["CorsProbe:AlsoJudge:0"] = "galxe",
        }).Build();
        using var provider = Build(services => services.AddCorsProbe(configuration.GetSection(CorsProbeOptions.SectionName)));

        var report = await provider.GetRequiredService<ICorsProber>().ProbeAsync(server.Url, TestContext.Current.CancellationToken);

        provider.GetRequiredService<IOptions<CorsProbeOptions>>().Value.AlsoJudge.Should().Equal(CorsProfile.Galxe);
        report.Profiles.Should().Equal(CorsProfile.Browser, CorsProfile.Chromium, CorsProfile.Firefox, CorsProfile.WebKit, CorsProfile.Galxe);
        report.Profile.Should().Be(CorsProfile.Browser, "the configured profile still decides the verdict");
    }

    [Fact]
    public async Task WithoutAlsoJudge_AReportJudgesOnlyTheBrowsers()
    {
        await using var server = new PreflightAnsweringServer();
        using var provider = Build(services => services.AddCorsProbe(FromTheDashboardToLoopback));

        var report = await provider.GetRequiredService<ICorsProber>().ProbeAsync(server.Url, TestContext.Current.CancellationToken);

        report.Profiles.Should().Equal(CorsProfile.Browser, CorsProfile.Chromium, CorsProfile.Firefox, CorsProfile.WebKit);
    }

    [Fact]
    public void ATimeoutOfABareNumber_IsRefused_SayingItWouldBeDays()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Timeout"] = "5" }).Build();
        using var provider = Build(services => services.AddCorsProbe(configuration));

        FluentActions.Invoking(() => provider.GetRequiredService<IOptions<CorsProbeOptions>>().Value)
            .Should().Throw<OptionsValidationException>().WithMessage("CorsProbe:Timeout: \"5\" is read as 5 day(s); write a duration such as \"00:00:05\" for 5 second(s).");
    }

    [Fact]
    public async Task ThePrimaryHandler_IsGuarded_LoopbackIsRefusedByDefault()
    {
        await using var server = new PreflightAnsweringServer();
        using var provider = Build(services => services.AddCorsProbe(o => o.DefaultOrigin = Galxe));

        var report = await provider.GetRequiredService<ICorsProber>().ProbeAsync(server.Url, TestContext.Current.CancellationToken);

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings[0].Code.Should().Be("CORS016");
        server.Requests.Should().Be(0);
    }

    [Fact]
    public async Task ARefusedLoopbackTarget_NamesTheConfigurationKey_AndThePolicyThatRefusedIt()
    {
        await using var server = new PreflightAnsweringServer();
        using var provider = Build(services => services.AddCorsProbe(o => o.DefaultOrigin = Galxe));

        var finding = (await provider.GetRequiredService<ICorsProber>().ProbeAsync(server.Url, TestContext.Current.CancellationToken)).Findings.Single();

        finding.Message.Should().EndWith("(allowed: public addresses).");
        finding.Remedy.Should().EndWith("set CorsProbe:AllowLoopback to true.");
    }

    [Fact]
    public async Task ABuilderCallOnAProbeOfTheDefaultTransport_IsHonoured()
    {
        await using var server = new PreflightAnsweringServer();
        using var provider = Build(services => services.AddCorsProbe(o => o.DefaultOrigin = Galxe));

        var report = await provider.GetRequiredService<ICorsProber>().CreateProbe(server.Url).AllowLoopback().RequireMethods("PUT").ProbeAsync(TestContext.Current.CancellationToken);

        report.IsAllowed.Should().BeTrue(report.ToString());
    }

    [Fact]
    public void ABuilderCallTheFactorysClientCannotHonour_Throws_NamingTheKey()
    {
        using var provider = Build(services =>
        {
            services.AddCorsProbe(o => o.DefaultOrigin = Galxe);
            services.AddCorsProbeHttpClient();
        });
        var probe = provider.GetRequiredService<ICorsProber>().CreateProbe("http://127.0.0.1:8080/");

        FluentActions.Invoking(() => probe.AllowLoopback()).Should().Throw<InvalidOperationException>()
            .WithMessage("AllowLoopback() cannot change this probe's network policy: it goes through the IHttpClientFactory client \"CorsProbe\"*set CorsProbe:AllowLoopback to true (or CorsProbe:AllowPrivateNetworks) instead.");
        FluentActions.Invoking(() => probe.WithNetworkPolicy(NetworkPolicy.PublicOnly)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task AllowLoopback_ReachesALoopbackServer()
    {
        await using var server = new PreflightAnsweringServer();
        using var provider = Build(services => services.AddCorsProbe(FromTheDashboardToLoopback));

        var report = await provider.GetRequiredService<ICorsProber>().CreateProbe(server.Url).RequireMethods("PUT")
            .ProbeAsync(TestContext.Current.CancellationToken);

        report.IsAllowed.Should().BeTrue(report.ToString());
    }

    [Fact]
    public async Task HandlersChainedOnTheReturnedBuilder_SeeEveryRequest()
    {
        await using var server = new PreflightAnsweringServer();
        var seen = new List<string>();
        using var provider = Build(services => services
            .AddCorsProbe(FromTheDashboardToLoopback)
            .AddCorsProbeHttpClient()
            .AddHttpMessageHandler(() => new RecordingHandler(seen)));

        await provider.GetRequiredService<ICorsProber>().CreateProbe(server.Url).RequireMethods("PUT", "POST")
            .ProbeAsync(TestContext.Current.CancellationToken);

        seen.Should().Equal("OPTIONS PUT", "GET", "OPTIONS POST", "GET");
    }

    [Fact]
    public async Task WithoutActualRequests_SendsOnlyTheOptionsRequests()
    {
        await using var server = new PreflightAnsweringServer();
        var seen = new List<string>();
        using var provider = Build(services => services
            .AddCorsProbe(o =>
            {
                FromTheDashboardToLoopback(o);
                o.WithoutActualRequests = true;
            })
            .AddCorsProbeHttpClient()
            .AddHttpMessageHandler(() => new RecordingHandler(seen)));

        await provider.GetRequiredService<ICorsProber>().CreateProbe(server.Url).RequireMethods("GET", "PUT")
            .ProbeAsync(TestContext.Current.CancellationToken);

        seen.Should().Equal("OPTIONS GET", "OPTIONS PUT");
    }

    [Fact]
    public async Task SendActualRequests_SendsTheRequiredMethodsThemselves()
    {
        await using var server = new PreflightAnsweringServer();
        var seen = new List<string>();
        using var provider = Build(services => services
            .AddCorsProbe(o =>
            {
                FromTheDashboardToLoopback(o);
                o.SendActualRequests = true;
            })
            .AddCorsProbeHttpClient()
            .AddHttpMessageHandler(() => new RecordingHandler(seen)));

        await provider.GetRequiredService<ICorsProber>().CreateProbe(server.Url).RequireMethods("PUT")
            .ProbeAsync(TestContext.Current.CancellationToken);

        seen.Should().Equal("OPTIONS PUT", "PUT");
    }

    [Fact]
    public void SendActualRequests_WithWithoutActualRequests_IsRefusedAtStartNamingBothKeys()
    {
        using var provider = Build(services => services.AddCorsProbe(o =>
        {
            o.SendActualRequests = true;
            o.WithoutActualRequests = true;
        }));

        FluentActions.Invoking(() => provider.GetRequiredService<IOptions<CorsProbeOptions>>().Value)
            .Should().Throw<OptionsValidationException>().WithMessage("*CorsProbe:SendActualRequests: it sends the actual requests, and CorsProbe:WithoutActualRequests sends only OPTIONS*");
    }

    [Fact]
    public async Task ProbeMany_YieldsOneReportPerInput()
    {
        await using var server = new PreflightAnsweringServer();
        using var provider = Build(services => services.AddCorsProbe(o =>
        {
            FromTheDashboardToLoopback(o);
            o.MaxConcurrency = 4;
        }));
        var prober = provider.GetRequiredService<ICorsProber>();

        var reports = new List<CorsReport>();
        await foreach (var report in prober.ProbeManyAsync(Enumerable.Range(0, 20).Select(i => prober.CreateProbe($"{server.Url}?i={i}").RequireMethods("PUT")), TestContext.Current.CancellationToken))
        {
            reports.Add(report);
        }

        reports.Should().HaveCount(20).And.OnlyContain(r => r.IsAllowed);
    }

    [Fact]
    public async Task ProbeMany_OfUrls_SurvivesABadUrl_AndKeysEachResult()
    {
        await using var server = new PreflightAnsweringServer();
        using var provider = Build(services => services.AddCorsProbe(FromTheDashboardToLoopback));
        var prober = provider.GetRequiredService<ICorsProber>();
        KeyValuePair<string, string>[] urls = [new("good", server.Url), new("typo", "htps//api.example.com"), new("again", server.Url)];

        var results = new List<CorsBatchResult<string>>();
        await foreach (var result in prober.ProbeManyAsync(urls, TestContext.Current.CancellationToken))
        {
            results.Add(result);
        }

        results.Select(r => r.Key).Should().BeEquivalentTo(["good", "typo", "again"]);
        results.Single(r => r.Key == "typo").Report.Findings.Single().Code.Should().Be(CorsFindingCodes.InvalidUrl);
        results.Where(r => r.Key != "typo").Should().OnlyContain(r => r.Report.IsAllowed);
    }

    [Fact]
    public async Task ProbeMany_OfKeyedProbes_BringsBackEachKey_WithinTheConfiguredLimits()
    {
        await using var server = new PreflightAnsweringServer();
        using var provider = Build(services => services.AddCorsProbe(FromTheDashboardToLoopback));
        var prober = provider.GetRequiredService<ICorsProber>();
        KeyValuePair<int, CorsProbeBuilder>[] probes = [.. Enumerable.Range(0, 10).Select(i => KeyValuePair.Create(i, prober.CreateProbe(server.Url).RequireMethods(i % 2 == 0 ? "PUT" : "GET")))];

        var results = new List<CorsBatchResult<int>>();
        await foreach (var result in prober.ProbeManyAsync(probes, TestContext.Current.CancellationToken))
        {
            results.Add(result);
        }

        results.Select(r => r.Key).Should().BeEquivalentTo(Enumerable.Range(0, 10));
        results.Where(r => r.Key % 2 == 0).Should().OnlyContain(r => r.Report.Preflights.Any(p => p.Method == "PUT"));
        results.Should().OnlyContain(r => r.Report.IsAllowed);
    }

    [Fact]
    public void NullArguments_AreRefused()
    {
        FluentActions.Invoking(() => CorsProbeServiceCollectionExtensions.AddCorsProbe((IServiceCollection)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ServiceCollection().AddCorsProbe((IConfiguration)null!)).Should().Throw<ArgumentNullException>();
    }

    // The tests' loopback servers answer the dashboard; the guard refuses loopback unless told otherwise.
    private static void FromTheDashboardToLoopback(CorsProbeOptions options)
    {
        options.DefaultOrigin = Galxe;
        options.AllowLoopback = true;
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(request.Method == HttpMethod.Options ? $"OPTIONS {request.Headers.GetValues("Access-Control-Request-Method").Single()}" : request.Method.Method);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

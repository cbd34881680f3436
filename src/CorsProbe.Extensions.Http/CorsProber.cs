using Microsoft.Extensions.Options;

namespace CorsProbing.Extensions.Http;

/// <summary>
/// The registered <see cref="ICorsProber"/>: the configured probe described once per configuration snapshot and
/// retargeted per URL, sent through CorsProbe's own transport under the options' network policy, or through the
/// factory's client when <c>AddCorsProbeHttpClient</c> asked for it.
/// </summary>
internal sealed class CorsProber(IOptionsMonitor<CorsProbeOptions> options, HttpClientRoute? route = null) : ICorsProber
{
    // The configured part of every probe, resolved once per configuration snapshot; each probe retargets it.
    private Template? _template;

    // Why a probe through the factory's client cannot change its network policy, and what to change instead.
    private static readonly string FixedPolicy =
        $"it goes through the IHttpClientFactory client \"{ICorsProber.HttpClientName}\", whose CorsProbeHandler takes its policy from configuration; " +
        $"{CorsSettingNames.Configuration(CorsProbeOptions.SectionName).AllowLoopback} (or {CorsProbeOptions.SectionName}:AllowPrivateNetworks) instead";

    // Where the template points before a probe retargets it: a reserved name (RFC 2606) that is never probed.
    private const string Unaddressed = "https://template.invalid/";

    public CorsProbeBuilder CreateProbe(string url) => Configured().ForUrl(url);

    public IAsyncEnumerable<CorsBatchResult<int>> ProbeManyAsync(IEnumerable<string?> urls, CancellationToken cancellationToken = default) =>
        CorsProbe.ProbeManyAsync(Configured(), urls, Limits(), cancellationToken);

    public IAsyncEnumerable<CorsBatchResult<TKey>> ProbeManyAsync<TKey>(IEnumerable<KeyValuePair<TKey, string>> urls, CancellationToken cancellationToken = default) =>
        CorsProbe.ProbeManyAsync(Configured(), urls, Limits(), cancellationToken);

    public Task<CorsReport> ProbeAsync(string url, CancellationToken cancellationToken = default) =>
        CreateProbe(url).ProbeAsync(cancellationToken);

    public IAsyncEnumerable<CorsReport> ProbeManyAsync(IEnumerable<CorsProbeBuilder> probes, CancellationToken cancellationToken = default) =>
        CorsProbe.ProbeManyAsync(probes, Limits(), cancellationToken);

    public IAsyncEnumerable<CorsBatchResult<TKey>> ProbeManyAsync<TKey>(IEnumerable<KeyValuePair<TKey, CorsProbeBuilder>> probes, CancellationToken cancellationToken = default) =>
        CorsProbe.ProbeManyAsync(probes, Limits(), cancellationToken);

    private CorsBatchOptions Limits()
    {
        var current = options.CurrentValue;
        return new CorsBatchOptions { MaxConcurrency = current.MaxConcurrency, MaxConcurrencyPerHost = current.MaxConcurrencyPerHost };
    }

    // The configured probe, through the factory's client when asked for.
    private CorsProbeBuilder Configured()
    {
        var current = options.CurrentValue;
        var template = _template is { } cached && ReferenceEquals(cached.Options, current) ? cached.Builder : Configure(current);
        return route is null ? template : template.UsingHttpClient(route.CreateClient()).FixingNetworkPolicy(FixedPolicy);
    }

    private CorsProbeBuilder Configure(CorsProbeOptions current)
    {
        var builder = CorsProbe.For(Unaddressed).UsingProfile(current.Profile).WithNetworkPolicy(current.ToNetworkPolicy())
            .NamingSettingsAs(CorsSettingNames.Configuration(CorsProbeOptions.SectionName));
        if (current.DefaultOrigin is { } origin)
        {
            builder = builder.WithOrigin(origin);
        }

        builder = current.AlsoJudge.Count > 0 ? builder.AlsoJudgeBy([.. current.AlsoJudge]) : builder;
        builder = current.WithoutActualRequests ? builder.WithoutActualRequests() : builder;
        builder = current.SendActualRequests ? builder.SendActualRequests() : builder;
        builder = current.Timeout is { } timeout ? builder.WithTimeout(timeout) : builder;
        _template = new Template(current, builder);
        return builder;
    }

    private sealed record Template(CorsProbeOptions Options, CorsProbeBuilder Builder);
}

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

    public CorsProbeBuilder CreateProbe(string url)
    {
        var current = options.CurrentValue;
        var template = _template is { } cached && ReferenceEquals(cached.Options, current) ? cached.Builder : Configure(current, url);
        var probe = template.ForUrl(url);
        return route is null ? probe : probe.UsingHttpClient(route.CreateClient());
    }

    public Task<CorsReport> ProbeAsync(string url, CancellationToken cancellationToken = default) =>
        CreateProbe(url).ProbeAsync(cancellationToken);

    public IAsyncEnumerable<CorsReport> ProbeManyAsync(IEnumerable<CorsProbeBuilder> probes, CancellationToken cancellationToken = default)
    {
        var current = options.CurrentValue;
        var limits = new CorsBatchOptions { MaxConcurrency = current.MaxConcurrency, MaxConcurrencyPerHost = current.MaxConcurrencyPerHost };
        return CorsProbe.ProbeManyAsync(probes, limits, cancellationToken);
    }

    private CorsProbeBuilder Configure(CorsProbeOptions current, string url)
    {
        var builder = CorsProbe.For(url).UsingProfile(current.Profile).WithNetworkPolicy(current.ToNetworkPolicy());
        if (current.DefaultOrigin is { } origin)
        {
            builder = builder.WithOrigin(origin);
        }

        builder = current.AlsoJudge.Count > 0 ? builder.AlsoJudgeBy([.. current.AlsoJudge]) : builder;
        builder = current.WithoutActualRequests ? builder.WithoutActualRequests() : builder;
        builder = current.Timeout is { } timeout ? builder.WithTimeout(timeout) : builder;
        _template = new Template(current, builder);
        return builder;
    }

    private sealed record Template(CorsProbeOptions Options, CorsProbeBuilder Builder);
}

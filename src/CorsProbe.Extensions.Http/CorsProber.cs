using Microsoft.Extensions.Options;

namespace CorsProbing.Extensions.Http;

/// <summary>The registered <see cref="ICorsProber"/>: a client from the factory per probe (cheap: handlers are pooled).</summary>
internal sealed class CorsProber(IHttpClientFactory clients, IOptionsMonitor<CorsProbeOptions> options) : ICorsProber
{
    public CorsProbeBuilder CreateProbe(string url)
    {
        var current = options.CurrentValue;
        var builder = CorsProbe.For(url).UsingProfile(current.Profile).UsingHttpClient(clients.CreateClient(ICorsProber.HttpClientName));
        if (current.DefaultOrigin is { } origin)
        {
            builder = builder.WithOrigin(origin);
        }

        builder = current.WithoutActualRequests ? builder.WithoutActualRequests() : builder;
        return current.Timeout is { } timeout ? builder.WithTimeout(timeout) : builder;
    }

    public Task<CorsReport> ProbeAsync(string url, CancellationToken cancellationToken = default) =>
        CreateProbe(url).ProbeAsync(cancellationToken);

    public IAsyncEnumerable<CorsReport> ProbeManyAsync(IEnumerable<CorsProbeBuilder> probes, CancellationToken cancellationToken = default)
    {
        var current = options.CurrentValue;
        var limits = new CorsBatchOptions { MaxConcurrency = current.MaxConcurrency, MaxConcurrencyPerHost = current.MaxConcurrencyPerHost };
        return CorsProbe.ProbeManyAsync(probes, limits, cancellationToken);
    }
}

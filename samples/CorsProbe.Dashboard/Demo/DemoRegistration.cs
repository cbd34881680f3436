using CorsProbing.Dashboard.Storage;
using CorsProbing.Dashboard.Targets;
using CorsProbing.Demo;
using Microsoft.Extensions.Options;

namespace CorsProbing.Dashboard.Demo;

/// <summary>
/// Starts the demo's embedded API (the same setups <c>samples/CorsProbe.Demo</c> probes), trusts its loopback origin
/// (so this machine's browser can verify against it), maps <see cref="DemoApi.Origin"/> to it, and registers each setup
/// there, as the Galxe dashboard would call it, unless it is registered already: a first run shows every kind of verdict
/// at once, the same as the console demo's table.
/// </summary>
internal sealed partial class DemoRegistration(
    IOptions<DashboardOptions> options,
    TrustedTargets trusted,
    ICorsProber prober,
    ApiStore store,
    TimeProvider time,
    ILogger<DemoRegistration> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _api;

    /// <summary>The demo API's loopback origin once started, e.g. <c>http://127.0.0.1:5081</c>; null without a demo.</summary>
    public string? Origin { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.DemoApiUrl))
        {
            return;
        }

        _api = await DemoApi.StartAsync(cancellationToken, options.Value.DemoApiUrl).ConfigureAwait(false);
        var port = DemoApi.Port(_api);
        Origin = new UriBuilder(options.Value.DemoApiUrl) { Port = port }.Uri.GetLeftPart(UriPartial.Authority);
        trusted.Add(Origin);
        trusted.Map(DemoApi.Origin, port);

        foreach (var setup in DemoApi.Setups)
        {
            var probe = setup.Require(prober.CreateProbe(DemoApi.Origin + setup.Path).WithOrigin(DemoApi.Galxe));
            if (store.Find(probe.Url.AbsoluteUri, DemoApi.Galxe) is not null)
            {
                continue;
            }

            var report = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
            store.Register(report, setup.Methods, setup.Headers, time.GetUtcNow());
        }

        LogStarted(logger, Origin, DemoApi.Setups.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_api is not null)
        {
            await _api.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(LogLevel.Information, "Demo API on {Origin}: its {Count} setups are registered")]
    private static partial void LogStarted(ILogger logger, string origin, int count);
}

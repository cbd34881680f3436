using CorsProbing.Dashboard.Storage;
using CorsProbing.Dashboard.Targets;
using CorsProbing.Demo;

namespace CorsProbing.Dashboard.Demo;

/// <summary>
/// Starts the demo's embedded API (the same setups <c>samples/CorsProbe.Demo</c> probes), trusts its loopback origin
/// (so this machine's browser can verify against it), maps <see cref="DemoApi.Origin"/> to it, and registers each setup
/// there in <see cref="DashboardOptions.DemoAccount"/>, as the Galxe dashboard would call it, unless it is registered
/// already: a first run shows every kind of verdict at once, the same as the console demo's table. Runs only when
/// <see cref="DashboardOptions.Demo"/> is on (by default in Development), so replicas in production start no demo.
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

    /// <summary>The demo's accounts: the development sign-in offers them; the first holds the demo's registrations.</summary>
    public static IReadOnlyList<string> Accounts { get; } = ["alice", "bob"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Demo != true)
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
            var probe = trusted.Route(setup.Require(prober.CreateProbe(DemoApi.Origin + setup.Path).WithOrigin(DemoApi.Galxe)));
            if (await store.FindAsync(options.Value.DemoAccount, probe.Url.AbsoluteUri, DemoApi.Galxe, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var report = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
            await store.RegisterAsync(options.Value.DemoAccount, report, setup.Methods, setup.Headers, time.GetUtcNow(), options.Value.RecheckInterval, cancellationToken).ConfigureAwait(false);
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

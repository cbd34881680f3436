using System.Collections.Concurrent;
using System.Net;
using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>
/// CORS APIs on many loopback hosts (127.0.0.2, 127.0.0.3, …: one host each, as CorsProbe's per-host limit counts them)
/// that count the preflights each path gets and the most preflights in flight at once on each host. Each preflight
/// takes <see cref="Delay"/>, so concurrent probes overlap; a URL in <see cref="Denied"/> no longer allows the origin.
/// </summary>
public sealed class CountingCorsHosts : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _preflights = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _peak = new();

    private WebApplication _app = null!;

    /// <summary>Each host's base URL, e.g. <c>http://127.0.0.2:40123</c>.</summary>
    public IReadOnlyList<string> Hosts { get; private set; } = [];

    /// <summary>How long each preflight takes.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(120);

    /// <summary>URLs (<c>http://127.0.0.2:40123/api/0</c>) whose preflight no longer allows the origin.</summary>
    public ConcurrentDictionary<string, bool> Denied { get; } = new();

    /// <summary>The preflights each URL (host and path) got.</summary>
    public IReadOnlyDictionary<string, int> Preflights => _preflights;

    /// <summary>The most preflights in flight at once on each host (by address).</summary>
    public IReadOnlyDictionary<string, int> PeakInFlight => _peak;

    /// <summary>Forgets the peaks so far (the registrations' own probes are not the watch's).</summary>
    public void ResetPeaks() => _peak.Clear();

    public static async Task<CountingCorsHosts> StartAsync(int hosts)
    {
        var server = new CountingCorsHosts();
        (server._app, server.Hosts) = await LoopbackKestrel.StartAsync(
            [.. Enumerable.Range(2, hosts).Select(i => IPAddress.Parse($"127.0.0.{i}"))], null, app => app.Run(server.AnswerAsync));
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var host = context.Connection.LocalIpAddress!.ToString();
        var url = $"http://{host}:{context.Connection.LocalPort}{context.Request.Path}";
        var origin = context.Request.Headers.Origin.ToString();
        if (!HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.Headers.AccessControlAllowOrigin = origin;
            return;
        }

        _preflights.AddOrUpdate(url, 1, (_, n) => n + 1);
        var now = _inFlight.AddOrUpdate(host, 1, (_, n) => n + 1);
        _peak.AddOrUpdate(host, now, (_, peak) => Math.Max(peak, now));
        try
        {
            // A probe its replica cancelled (stopping, say) is no longer in flight: the request ends when its client goes.
            await Task.Delay(Delay, context.RequestAborted);
            if (!Denied.ContainsKey(url))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowMethods = "POST";
                context.Response.Headers.AccessControlAllowHeaders = "Content-Type";
                context.Response.Headers.Vary = "Origin";
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        finally
        {
            _inFlight.AddOrUpdate(host, 0, (_, n) => n - 1);
        }
    }
}

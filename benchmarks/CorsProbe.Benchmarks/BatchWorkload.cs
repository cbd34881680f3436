namespace CorsProbing.Benchmarks;

/// <summary>
/// The batch both batch classes run, as a platform's backend runs it: 20,000 customer URLs spread over 16 hosts (nginx
/// in another process, listening on 127.0.0.1-16), 64 in flight and at most 4 per host, each checked for a page that
/// sends <c>POST</c> with <c>Content-Type: application/json</c>. The bare row sends what CorsProbe sends (the preflight,
/// then the GET a browser's check needs) with a shared <c>HttpClient</c> and checks the same headers by hand.
/// </summary>
public sealed class BatchWorkload : IDisposable
{
    /// <summary>In flight at once, across all hosts.</summary>
    public const int Concurrency = 64;

    /// <summary>In flight at once to one host.</summary>
    public const int PerHost = 4;

    private static readonly CorsBatchOptions Limits = new() { MaxConcurrency = Concurrency, MaxConcurrencyPerHost = PerHost };

    private BatchWorkload(NginxCorsApi api, int urls)
    {
        Api = api;
        var hosts = api.HostUrls;
        Urls = [.. Enumerable.Range(0, urls).Select(i => $"{hosts[i % hosts.Count]}?customer={i}")];
    }

    /// <summary>The server.</summary>
    public NginxCorsApi Api { get; }

    /// <summary>The URLs, host after host in turn.</summary>
    public string[] Urls { get; }

    /// <summary>Starts nginx and lays out <paramref name="urls"/> URLs.</summary>
    public static BatchWorkload Start(int urls) => new(NginxCorsApi.Start(), urls);

    /// <summary>The probe of one URL, a builder per URL as the README shows, through CorsProbe's own transport.</summary>
    public static CorsProbeBuilder Probe(string url) =>
        CorsProbe.For(url).WithOrigin(SampleResponses.Origin).RequireMethods("POST").RequireHeaders("Content-Type").AllowLoopback();

    /// <summary>The bare client's batch over <paramref name="urls"/>: how many URLs allow the call.</summary>
    public async Task<int> BareAsync(IEnumerable<string> urls)
    {
        var allowed = 0;
        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (url, token) =>
        {
            if (await BareCheckAsync(url, token))
            {
                Interlocked.Increment(ref allowed);
            }
        });
        return allowed;
    }

    /// <summary>CorsProbe's batch over <paramref name="probes"/>: how many allow the call.</summary>
    public static async Task<int> ProbeManyAsync(IEnumerable<CorsProbeBuilder> probes)
    {
        var allowed = 0;
        await foreach (var report in CorsProbe.ProbeManyAsync(probes, Limits))
        {
            allowed += report.IsAllowed ? 1 : 0;
        }

        return allowed;
    }

    /// <inheritdoc />
    public void Dispose() => Api.Dispose();

    // The preflight for POST with Content-Type, then the GET with Origin; the checks a careful hand-written one makes.
    private async Task<bool> BareCheckAsync(string url, CancellationToken cancellationToken)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.TryAddWithoutValidation("Accept", "*/*");
        preflight.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "POST");
        preflight.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "content-type");
        preflight.Headers.TryAddWithoutValidation("Origin", SampleResponses.Origin);
        using var preflightResponse = await Api.Client.SendAsync(preflight, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var preflightPasses = preflightResponse.IsSuccessStatusCode
            && AllowsOrigin(preflightResponse)
            && Lists(preflightResponse, "Access-Control-Allow-Methods", "POST", StringComparison.Ordinal)
            && Lists(preflightResponse, "Access-Control-Allow-Headers", "content-type", StringComparison.OrdinalIgnoreCase);

        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        get.Headers.TryAddWithoutValidation("Accept", "*/*");
        get.Headers.TryAddWithoutValidation("Origin", SampleResponses.Origin);
        using var getResponse = await Api.Client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return preflightPasses && AllowsOrigin(getResponse);
    }

    private static bool AllowsOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values)
        && values.SingleOrDefault() is { } value && (value == "*" || value == SampleResponses.Origin);

    private static bool Lists(HttpResponseMessage response, string name, string wanted, StringComparison comparison) =>
        response.Headers.TryGetValues(name, out var values)
        && values.SelectMany(v => v.Split(',')).Any(item => item.Trim().Equals(wanted, comparison) || item.Trim() == "*");
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CorsProbing.Benchmarks;

/// <summary>
/// nginx (the Debian package) in its own process on 127.0.0.1, answering every <c>OPTIONS</c> with 204 and every other
/// request with 200, both with a typical allowing set of CORS headers: the server side costs the benchmark process
/// nothing, so the rows compare what the client does. One bare client is shared by the rows that bring their own.
/// </summary>
public sealed class NginxCorsApi : IDisposable
{
    private readonly ServerProcess _nginx;

    private NginxCorsApi(Process nginx, string directory, int port)
    {
        _nginx = new ServerProcess(nginx, directory);
        Url = port == 80 ? "http://127.0.0.1/quests" : $"http://127.0.0.1:{port}/quests";
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            MaxConnectionsPerServer = 256,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The loopback addresses nginx listens on, each a host of its own to a client: 127.0.0.1 to 127.0.0.16.</summary>
    public static IReadOnlyList<string> Hosts { get; } = [.. Enumerable.Range(1, 16).Select(i => $"127.0.0.{i}")];

    /// <summary>The URL every row calls.</summary>
    public string Url { get; }

    /// <summary>The same path on each of <see cref="Hosts"/>.</summary>
    public IReadOnlyList<string> HostUrls => [.. Hosts.Select(host => Url.Replace("127.0.0.1", host, StringComparison.Ordinal))];

    /// <summary>A bare client (no guard, no capture): what a hand-written check would use.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts nginx with a configuration in a temporary directory and waits until it accepts connections.</summary>
    public static NginxCorsApi Start()
    {
        var executable = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: sudo apt-get install -y nginx (.ci/run installs it).");
        var directory = Directory.CreateTempSubdirectory("corsprobe-bench-nginx-").FullName;
        var port = FreeLoopbackPort();
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), Configuration(directory, port));
        var nginx = Process.Start(new ProcessStartInfo(executable, ["-p", directory, "-c", Path.Combine(directory, "nginx.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10) && !nginx.HasExited)
            {
                Thread.Sleep(20);
            }
        }

        return new NginxCorsApi(nginx, directory, port);
    }

    /// <summary>
    /// What a hand-written check sends for the same probe: the <c>OPTIONS</c> preflight with CorsProbe's headers, then,
    /// as CorsProbe does after a passing preflight, a <c>GET</c> of the same URL. True when both were answered with success.
    /// </summary>
    public async Task<bool> BarePreflightAndGetAsync(string url, CancellationToken cancellationToken = default)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.TryAddWithoutValidation("Accept", "*/*");
        preflight.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "PUT");
        preflight.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "authorization,content-type");
        preflight.Headers.TryAddWithoutValidation("Origin", SampleResponses.Origin);
        preflight.Headers.TryAddWithoutValidation("User-Agent", "CorsProbe/0.1.0 (+https://github.com/corsprobe/CorsProbe)");
        using var preflightResponse = await Client.SendAsync(preflight, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        get.Headers.TryAddWithoutValidation("Accept", "*/*");
        get.Headers.TryAddWithoutValidation("Origin", SampleResponses.Origin);
        get.Headers.TryAddWithoutValidation("User-Agent", "CorsProbe/0.1.0 (+https://github.com/corsprobe/CorsProbe)");
        using var getResponse = await Client.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return preflightResponse.IsSuccessStatusCode && getResponse.IsSuccessStatusCode;
    }

    /// <summary>
    /// The probe the rows run, built the way the README shows: PUT with two unsafe headers and credentials, through
    /// CorsProbe's own guarded transport (loopback allowed for the benchmark).
    /// </summary>
    public static CorsProbeBuilder Probe(string url) =>
        CorsProbe.For(url).WithOrigin(SampleResponses.Origin).RequireMethods("PUT").RequireHeaders("Content-Type", "Authorization").WithCredentials().AllowLoopback();

    /// <inheritdoc />
    public void Dispose()
    {
        Client.Dispose();
        _nginx.Dispose();
    }

    // Port 80 when it can be had (as root, and free), so the report is the one a production API on a standard port
    // gets; any other port adds the Galxe profile's port finding and its explanation to every report.
    private static int FreeLoopbackPort()
    {
        foreach (var port in new[] { 80, 0 })
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            catch (SocketException) when (port != 0)
            {
                // Not root, or taken: a free port instead.
            }
        }

        throw new InvalidOperationException("No loopback port is free.");
    }

    // The configuration is a file of its own, shared with benchmarks/process-timings.sh.
    private static string Configuration(string directory, int port) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "nginx.conf"))
            .Replace("listen 127.0.0.1:@PORT@;", string.Join(" ", Hosts.Select(host => $"listen {host}:@PORT@;")), StringComparison.Ordinal)
            .Replace("@DIRECTORY@", directory, StringComparison.Ordinal)
            .Replace("@PORT@", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@ORIGIN@", SampleResponses.Origin, StringComparison.Ordinal);
}

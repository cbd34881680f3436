using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace CorsProbing.Benchmarks;

/// <summary>
/// The dashboard sample (<c>samples/CorsProbe.Dashboard</c>, built with this project) in a process of its own, as it is
/// deployed: no demo, one account whose API key the client sends, the benchmark's target trusted, no rate limit in
/// reach, logging at warnings.
/// </summary>
public sealed class DashboardProcess : IDisposable
{
    private const string ApiKey = "the-benchmarks-own-api-key";
    private readonly ServerProcess _process;

    private DashboardProcess(Process process, string dataFolder, string origin)
    {
        _process = new ServerProcess(process, dataFolder);
        Origin = origin;
        Client = new HttpClient { BaseAddress = new Uri(origin) };
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
    }

    /// <summary>Where the dashboard listens, e.g. <c>http://127.0.0.1:40111</c>.</summary>
    public string Origin { get; }

    /// <summary>A client of the dashboard's API, signed in with the account's key.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts the dashboard trusting <paramref name="target"/> (an origin on loopback) and waits until it is healthy.</summary>
    public static DashboardProcess Start(string target)
    {
        var dll = typeof(DashboardProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DashboardAssembly").Value!;
        var dataFolder = Directory.CreateTempSubdirectory("corsprobe-bench-dashboard-").FullName;
        var origin = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            dll, "--urls", origin, "--Dashboard:Demo=false", "--Dashboard:Accounts:bench:ApiKey=" + ApiKey, "--Dashboard:TrustedTargets:0=" + target,
            "--Dashboard:DataFolder=" + dataFolder, "--Dashboard:CheckPermitLimit=2000000000", "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var dashboard = new DashboardProcess(process, dataFolder, origin);
        dashboard.WaitHealthy();
        return dashboard;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Client.Dispose();
        _process.Dispose();
    }

    private void WaitHealthy()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if (Client.GetAsync(new Uri("/health", UriKind.Relative)).GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(100);
        }

        Dispose();
        throw new InvalidOperationException("The dashboard did not become healthy within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

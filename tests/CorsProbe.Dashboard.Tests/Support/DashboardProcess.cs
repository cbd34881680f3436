using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using CorsProbing.Testing;

namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>
/// The dashboard as a platform deploys it: its own process (<c>dotnet CorsProbe.Dashboard.dll</c>, the build the tests
/// were built with), configured by environment variables, its address read from its "Now listening on" line.
/// </summary>
public sealed partial class DashboardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _firstAddress;

    private DashboardProcess(Process process) => _process = process;

    /// <summary>Its first address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>Its process id (the leases it holds name it).</summary>
    public int Id => _process.Id;

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything it printed.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the dashboard with <paramref name="environment"/> and waits until it listens.</summary>
    public static Task<DashboardProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        StartAsync(environment, dotnetRun: false, arguments);

    /// <summary>
    /// Starts the dashboard with <paramref name="environment"/>, as <c>dotnet run --project samples/CorsProbe.Dashboard</c>
    /// (its launch profile applied) when <paramref name="dotnetRun"/> is set, and waits until it listens.
    /// </summary>
    public static async Task<DashboardProcess> StartAsync(IReadOnlyDictionary<string, string> environment, bool dotnetRun, params string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0/
        var project = Path.Combine(Repository.Root, "samples", "CorsProbe.Dashboard");
        var folder = Path.Combine(project, "bin", configuration, "net10.0");

        // The project's folder is the content root, as under dotnet run: its wwwroot and appsettings.json.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (dotnetRun)
        {
            // The build the tests were built with, not a new one beside them.
            foreach (var argument in new[] { "run", "--no-build", "-c", configuration, "--project", project })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.ArgumentList.Add(Path.Combine(folder, "CorsProbe.Dashboard.dll"));
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("Dashboard__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // Its address is read from this line, whatever else the caller quiets.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var dashboard = new DashboardProcess(Process.Start(start)!);
        dashboard._process.OutputDataReceived += (_, line) => dashboard.Read(line.Data);
        dashboard._process.ErrorDataReceived += (_, line) => dashboard.Read(line.Data);
        dashboard._process.BeginOutputReadLine();
        dashboard._process.BeginErrorReadLine();
        var exited = dashboard._process.WaitForExitAsync();
        var first = await Task.WhenAny(dashboard._listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != dashboard._listening.Task)
        {
            await dashboard.DisposeAsync();
            throw new InvalidOperationException($"The dashboard did not start listening:\n{dashboard.Output}");
        }

        dashboard.Url = await dashboard._listening.Task;
        return dashboard;
    }

    /// <summary>Kills it at once (<c>kill -9</c>): no shutdown, no lease released.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    /// <summary>Asks it to stop (SIGTERM, as a container platform does) and waits until it has.</summary>
    public async Task StopAsync(TimeSpan within)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (Listening().Match(line) is { Success: true } match)
        {
            _firstAddress ??= match.Groups[1].Value;
        }

        // The host's last start-up line: everything it says about starting has been read.
        if (line.Contains("Content root path:", StringComparison.Ordinal) && _firstAddress is not null)
        {
            _listening.TrySetResult(_firstAddress);
        }
    }

    [GeneratedRegex(@"Now listening on: (\S+)")]
    private static partial Regex Listening();
}

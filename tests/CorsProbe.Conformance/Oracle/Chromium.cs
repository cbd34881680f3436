using System.Diagnostics;
using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance.Oracle;

/// <summary>Headless Chromium, started fresh for one run of the runner pages and killed afterwards.</summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>The install command named when Chromium is missing.</summary>
    public const string Install = "sudo apt-get install -y chromium";

    private readonly Process _process;
    private readonly string _profile;

    private Chromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Chromium's executable (skips the test, or fails it under CI=true, when absent).</summary>
    public static string Executable => RequiredTool.Find("Chromium", Install, "/usr/bin/chromium", "/usr/bin/chromium-browser");

    /// <summary>The browser's version line, e.g. <c>Chromium 156.0.8078.73 built on Debian</c>.</summary>
    public static string Version()
    {
        using var process = Process.Start(new ProcessStartInfo(Executable, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var version = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return version;
    }

    /// <summary>Starts Chromium on <paramref name="url"/> with every host name resolved by <paramref name="hostResolverRules"/>.</summary>
    public static Chromium Start(string url, string hostResolverRules)
    {
        var profile = Directory.CreateTempSubdirectory("corsprobe-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--ignore-certificate-errors", $"--user-data-dir={profile}", $"--host-resolver-rules={hostResolverRules}",
            url,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Chromium(process, profile);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp directory is cleaned eventually.
        }
    }
}

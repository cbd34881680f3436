using System.Diagnostics;
using CorsProbing.Conformance.Support;
using CorsProbing.Testing;

namespace CorsProbing.Conformance.Oracle;

/// <summary>Headless Chromium, started fresh for one run of the runner pages and killed afterwards.</summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>The install command named when Chromium is missing.</summary>
    public const string Install = "sudo apt-get install -y chromium";

    private readonly ChildProcess _process;

    private Chromium(ChildProcess process) => _process = process;

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

    /// <summary>
    /// Starts Chromium on <paramref name="url"/> with every host name resolved by <paramref name="hostResolverRules"/>,
    /// writing its NetLog to <paramref name="netLog"/> when given (<see cref="ChromiumNetLog"/>).
    /// </summary>
    public static Chromium Start(string url, string hostResolverRules, string? netLog = null)
    {
        var profile = ChildProcess.NewDirectory("corsprobe-chromium-");
        string[] arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--ignore-certificate-errors", $"--user-data-dir={profile}", $"--host-resolver-rules={hostResolverRules}",
        ];
        return new Chromium(ChildProcess.Start(Executable, [.. arguments, .. netLog is null ? [] : new[] { $"--log-net-log={netLog}" }, url], profile));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

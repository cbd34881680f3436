using CorsProbing.Conformance.Support;
using CorsProbing.Testing;

namespace CorsProbing.Conformance.Oracle;

/// <summary>
/// WebKitGTK's <c>MiniBrowser</c> under <c>xvfb-run</c> (it has no headless mode), started for one run of the runner
/// pages and killed afterwards. It reaches the suite's servers through a <see cref="ForwardingProxy"/> and ignores
/// certificate errors, as Chromium does with its flag.
/// </summary>
public sealed class WebKit : IAsyncDisposable
{
    /// <summary>The install command named when MiniBrowser or <c>xvfb-run</c> is missing.</summary>
    public const string Install = "sudo apt-get install -y libwebkit2gtk-4.1-0 xvfb";

    private readonly ChildProcess _process;

    private WebKit(ChildProcess process) => _process = process;

    /// <summary>MiniBrowser's executable (skips the test, or fails it under CI=true, when absent).</summary>
    public static string Executable => RequiredTool.Find(
        "WebKitGTK MiniBrowser", Install, "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser");

    /// <summary>The engine's version line, e.g. <c>WebKitGTK 2.50.6</c> (MiniBrowser needs a display even for that).</summary>
    public static string Version() =>
        VersionLine.Of(RequiredTool.Find("xvfb-run", Install, "/usr/bin/xvfb-run"), $"-a {Executable} --version");

    /// <summary>Starts MiniBrowser on <paramref name="url"/> with every request sent through <paramref name="proxy"/>.</summary>
    public static WebKit Start(string url, ForwardingProxy proxy)
    {
        var xvfb = RequiredTool.Find("xvfb-run", Install, "/usr/bin/xvfb-run");
        var home = ChildProcess.NewDirectory("corsprobe-webkit-");

        // A fresh HOME and XDG directories: no cache, cookies or settings of an earlier run.
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["XDG_CACHE_HOME"] = Path.Combine(home, "cache"),
            ["XDG_DATA_HOME"] = Path.Combine(home, "data"),
            ["XDG_CONFIG_HOME"] = Path.Combine(home, "config"),
            ["WEBKIT_DISABLE_COMPOSITING_MODE"] = "1",
        };
        return new WebKit(ChildProcess.Start(
            xvfb, ["-a", Executable, "--ignore-tls-errors", $"--proxy={proxy.Url}", url], home, environment: environment));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

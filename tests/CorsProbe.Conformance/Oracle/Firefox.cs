using System.Diagnostics;
using System.Text.Json;
using CorsProbing.Conformance.Support;
using CorsProbing.Testing;

namespace CorsProbing.Conformance.Oracle;

/// <summary>
/// Headless Firefox ESR in a fresh profile, started for one run of the runner pages and killed afterwards. It reaches
/// the suite's servers through a <see cref="ForwardingProxy"/> and trusts the suite's certificate through the
/// profile's own certificate store: it has no flag to ignore certificate errors.
/// </summary>
public sealed class Firefox : IAsyncDisposable
{
    /// <summary>The install command named when Firefox or <c>certutil</c> is missing.</summary>
    public const string Install = "sudo apt-get install -y firefox-esr libnss3-tools";

    // First-run pages, telemetry, updates, background requests, DNS over HTTPS and HTTPS-First are off: a run talks
    // only to the proxy and does only what the pages do.
    private static readonly (string Name, object Value)[] Preferences =
    [
        ("browser.shell.checkDefaultBrowser", false),
        ("browser.startup.homepage_override.mstone", "ignore"),
        ("browser.aboutwelcome.enabled", false),
        ("browser.warnOnQuit", false),
        ("browser.tabs.warnOnClose", false),
        ("datareporting.policy.dataSubmissionEnabled", false),
        ("datareporting.healthreport.uploadEnabled", false),
        ("toolkit.telemetry.enabled", false),
        ("toolkit.telemetry.unified", false),
        ("app.update.enabled", false),
        ("app.update.auto", false),
        ("app.normandy.enabled", false),
        ("extensions.update.enabled", false),
        ("browser.safebrowsing.malware.enabled", false),
        ("browser.safebrowsing.phishing.enabled", false),
        ("browser.safebrowsing.downloads.enabled", false),
        ("network.captive-portal-service.enabled", false),
        ("network.connectivity-service.enabled", false),
        ("browser.newtabpage.enabled", false),
        ("browser.region.network.url", ""),
        ("network.trr.mode", 5),
        ("dom.security.https_first", false),
        ("dom.security.https_only_mode", false),
        ("network.proxy.type", 1),
        ("network.proxy.no_proxies_on", ""),
        ("network.proxy.allow_hijacking_localhost", true),
        ("network.proxy.share_proxy_settings", true),
        ("network.http.speculative-parallel-limit", 0),
        ("dom.push.connection.enabled", false),
        ("browser.region.update.enabled", false),
        ("geo.provider.network.url", ""),
        ("messaging-system.rsexperimentloader.enabled", false),
        ("browser.topsites.contile.enabled", false),
        ("browser.newtabpage.activity-stream.feeds.section.topstories", false),
        ("browser.newtabpage.activity-stream.feeds.snippets", false),
    ];

    private readonly ChildProcess _process;

    private Firefox(ChildProcess process) => _process = process;

    /// <summary>Firefox's executable (skips the test, or fails it under CI=true, when absent).</summary>
    public static string Executable => RequiredTool.Find("Firefox", Install, "/usr/bin/firefox-esr", "/usr/bin/firefox");

    /// <summary>The browser's version line, e.g. <c>Mozilla Firefox 153.8.0esr</c>.</summary>
    public static string Version() => VersionLine.Of(Executable, "--version");

    /// <summary>Starts Firefox on <paramref name="url"/> with every request sent through <paramref name="proxy"/>.</summary>
    public static async Task<Firefox> StartAsync(string url, ForwardingProxy proxy, CancellationToken cancellationToken)
    {
        var certutil = RequiredTool.Find("certutil", Install, "/usr/bin/certutil");
        var profile = ChildProcess.NewDirectory("corsprobe-firefox-");
        (string Name, object Value)[] proxying =
        [
            ("network.proxy.http", "127.0.0.1"), ("network.proxy.http_port", proxy.Port),
            ("network.proxy.ssl", "127.0.0.1"), ("network.proxy.ssl_port", proxy.Port),
        ];
        var lines = Preferences.Concat(proxying).Select(p => $"user_pref({JsonSerializer.Serialize(p.Name)}, {JsonSerializer.Serialize(p.Value)});");
        await File.WriteAllLinesAsync(Path.Combine(profile, "user.js"), lines, cancellationToken);

        // Firefox refuses a self-signed server certificate even when told to trust it as a peer: it trusts the
        // throw-away authority that issued the suite's certificate, in this profile only.
        var authority = TestCertificate.WriteAuthorityPem(profile);
        await RunAsync(certutil, ["-N", "-d", $"sql:{profile}", "--empty-password"], cancellationToken);
        await RunAsync(certutil, ["-A", "-n", "corsprobe-conformance", "-t", "C,,", "-d", $"sql:{profile}", "-i", authority], cancellationToken);

        return new Firefox(ChildProcess.Start(Executable, ["--headless", "--no-remote", "--profile", profile, url], profile));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task RunAsync(string executable, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }
    }
}

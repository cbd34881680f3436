namespace CorsProbing.Conformance.Oracle;

/// <summary>Starts any of the three engines on the runner pages of a <see cref="CaseServer"/>.</summary>
public static class EngineLauncher
{
    /// <summary>The three engines, in the order reports name them.</summary>
    public static IReadOnlyList<Engine> All { get; } = [Engine.Chromium, Engine.Firefox, Engine.WebKit];

    /// <summary>The engine's executable (skips the test, or fails it under CI=true, when absent).</summary>
    public static string Executable(Engine engine) => engine switch
    {
        Engine.Chromium => Chromium.Executable,
        Engine.Firefox => Firefox.Executable,
        _ => WebKit.Executable,
    };

    /// <summary>The engine's version line.</summary>
    public static string Version(Engine engine) => engine switch
    {
        Engine.Chromium => Chromium.Version(),
        Engine.Firefox => Firefox.Version(),
        _ => WebKit.Version(),
    };

    /// <summary>
    /// Starts <paramref name="engine"/> on <see cref="RunnerPage.StartUrl"/>: Chromium through its host-resolver rules,
    /// Firefox and WebKit through the server's <see cref="CaseServer.Proxy"/>. Disposing the result kills the browser.
    /// </summary>
    public static async Task<IAsyncDisposable> StartAsync(Engine engine, CaseServer pages, CancellationToken cancellationToken) => engine switch
    {
        Engine.Chromium => Chromium.Start(RunnerPage.StartUrl, pages.HostResolverRules),
        Engine.Firefox => await Firefox.StartAsync(RunnerPage.StartUrl, pages.Proxy, cancellationToken),
        _ => WebKit.Start(RunnerPage.StartUrl, pages.Proxy),
    };
}

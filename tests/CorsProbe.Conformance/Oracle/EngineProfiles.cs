namespace CorsProbing.Conformance.Oracle;

/// <summary>The CorsProbe profile that answers for each engine.</summary>
public static class EngineProfiles
{
    /// <summary>CorsProbe's rules of <paramref name="engine"/>.</summary>
    public static BrowserEngine EngineOf(Engine engine) => BrowserEngine.All.Single(e => e.Name == engine.ToString());

    /// <summary>The profile of <paramref name="engine"/>.</summary>
    public static CorsProfile Of(Engine engine) => engine switch
    {
        Engine.Chromium => CorsProfile.Chromium,
        Engine.Firefox => CorsProfile.Firefox,
        _ => CorsProfile.WebKit,
    };
}

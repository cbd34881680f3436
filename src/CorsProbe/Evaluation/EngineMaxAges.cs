using CorsProbing.Requirements;

namespace CorsProbing.Evaluation;

/// <summary>Each engine's reading of one response's <c>Access-Control-Max-Age</c>, made once in the evaluation.</summary>
internal readonly record struct EngineMaxAges(EngineMaxAge Chromium, EngineMaxAge Firefox, EngineMaxAge WebKit)
{
    /// <summary>Every engine's reading of <paramref name="lines"/>.</summary>
    public static EngineMaxAges Read(HeaderValue lines) =>
        new(MaxAge.ReadIn(lines, BrowserEngine.Chromium), MaxAge.ReadIn(lines, BrowserEngine.Firefox), MaxAge.ReadIn(lines, BrowserEngine.WebKit));

    /// <summary>The reading of <paramref name="engine"/>.</summary>
    public EngineMaxAge For(BrowserEngine engine) =>
        ReferenceEquals(engine, BrowserEngine.Chromium) ? Chromium : ReferenceEquals(engine, BrowserEngine.Firefox) ? Firefox : WebKit;

    /// <summary>Whether every engine of <paramref name="engines"/> takes the value as sent.</summary>
    public bool AllValidIn(EngineSet engines)
    {
        for (var i = 0; i < BrowserEngine.All.Count; i++)
        {
            if (engines.Contains(BrowserEngine.All[i]) && For(BrowserEngine.All[i]).Kind != MaxAgeKind.Valid)
            {
                return false;
            }
        }

        return true;
    }
}

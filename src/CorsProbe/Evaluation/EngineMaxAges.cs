namespace CorsProbing.Evaluation;

/// <summary>Each engine's reading of one response's <c>Access-Control-Max-Age</c>, made once in the evaluation, indexed by engine.</summary>
internal readonly struct EngineMaxAges
{
    private readonly EngineMaxAge[]? _readings;

    private EngineMaxAges(EngineMaxAge[] readings) => _readings = readings;

    /// <summary>Every engine's reading of <paramref name="lines"/>.</summary>
    public static EngineMaxAges Read(HeaderValue lines)
    {
        var readings = new EngineMaxAge[BrowserEngine.All.Count];
        for (var i = 0; i < readings.Length; i++)
        {
            readings[i] = MaxAge.ReadIn(lines, BrowserEngine.All[i]);
        }

        return new(readings);
    }

    /// <summary>The reading of <paramref name="engine"/>; none (zero, <see cref="MaxAgeKind.Valid"/>) for the value of no response.</summary>
    public EngineMaxAge For(BrowserEngine engine) => _readings is null ? default : _readings[engine.Index];

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

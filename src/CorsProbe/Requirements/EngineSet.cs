namespace CorsProbing.Requirements;

/// <summary>A set of <see cref="BrowserEngine"/>s as bits: which engines a preflight form, a finding or a profile concerns.</summary>
internal readonly record struct EngineSet(byte Bits)
{
    /// <summary>Every engine.</summary>
    public static EngineSet All { get; } = Of(BrowserEngine.All);

    /// <summary>The engines that leave out empty lines when they join a response header's lines (Firefox).</summary>
    public static EngineSet JoiningWithoutEmptyLines { get; } = Of(BrowserEngine.All.Where(engine => engine.JoinsWithoutEmptyLines));

    /// <summary>No engine.</summary>
    public static EngineSet None => default;

    /// <summary>Whether the set is empty.</summary>
    public bool IsEmpty => Bits == 0;

    /// <summary>The set of <paramref name="engines"/>.</summary>
    public static EngineSet Of(IEnumerable<BrowserEngine> engines) => new((byte)engines.Aggregate(0, (bits, engine) => bits | (1 << engine.Index)));

    /// <summary>The set of one engine.</summary>
    public static EngineSet Of(BrowserEngine engine) => new((byte)(1 << engine.Index));

    /// <summary>Whether <paramref name="engine"/> is in the set.</summary>
    public bool Contains(BrowserEngine engine) => (Bits & (1 << engine.Index)) != 0;

    /// <summary>Whether the two sets share an engine.</summary>
    public bool Overlaps(EngineSet other) => (Bits & other.Bits) != 0;

    /// <summary>The engines of this set that are not in <paramref name="other"/>.</summary>
    public EngineSet Except(EngineSet other) => new((byte)(Bits & ~other.Bits));

    /// <summary>The engines in both sets.</summary>
    public EngineSet Intersect(EngineSet other) => new((byte)(Bits & other.Bits));

    /// <summary>The engines of both sets.</summary>
    public EngineSet Union(EngineSet other) => new((byte)(Bits | other.Bits));

    /// <summary>The engines in the set, in <see cref="BrowserEngine.All"/>'s order.</summary>
    public IEnumerable<BrowserEngine> Engines
    {
        get
        {
            var bits = Bits;
            return BrowserEngine.All.Where(engine => (bits & (1 << engine.Index)) != 0);
        }
    }

    /// <summary>"Firefox and Safari": the browsers of the set's engines.</summary>
    public string Browsers => Join([.. Engines.Select(e => e.Browsers)]);

    /// <summary>"Chromium and Firefox": the names of the set's engines.</summary>
    public override string ToString() => Join([.. Engines.Select(e => e.Name)]);

    private static string Join(string[] names) => names.Length switch
    {
        0 => "no engine",
        1 => names[0],
        _ => string.Join(", ", names[..^1]) + " and " + names[^1],
    };
}

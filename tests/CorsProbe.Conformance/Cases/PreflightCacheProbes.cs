namespace CorsProbing.Conformance.Cases;

/// <summary>
/// How long each engine keeps a preflight: <c>Access-Control-Max-Age</c> values, odd ones included, each followed by the
/// same fetch again after a delay of a second or so (caps of minutes and hours are beyond a test's time: they are the
/// engines' documented values).
/// </summary>
public static class PreflightCacheProbes
{
    /// <summary>Each probe: the header's lines (empty for absent) and the second fetch.</summary>
    public static IReadOnlyList<(string[] MaxAge, RepeatFetch Repeat)> All { get; } =
    [
        ([], new(1000)),
        (["600"], new(200)),
        (["600"], new(200, NoStore: true)),
        (["2"], new(800)),
        (["2"], new(3000)),
        (["0"], new(500)),
        (["-1"], new(500)),
        (["+10"], new(1000)),
        (["1.5"], new(500)),
        (["10abc"], new(1000)),
        (["abc"], new(1000)),
        (["99999999999999999999"], new(1000)),
        (["10, 20"], new(1000)),
        (["10", "20"], new(1000)),
        ([""], new(1000)),
    ];
}

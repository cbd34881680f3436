namespace CorsProbing.Conformance.Oracle;

/// <summary>What CorsProbe concluded for one case, and the preflights it put on the wire.</summary>
/// <param name="Report">The report, or null when the builder refused the case's requirements.</param>
/// <param name="Received">Each preflight the server received from CorsProbe: its <c>Access-Control-Request-Method</c> and <c>-Headers</c>.</param>
/// <param name="Refusal">Why the builder refused the requirements (a header every engine forbids), or null.</param>
public sealed record ProbeResult(CorsReport? Report, IReadOnlyList<(string? Method, string? Headers)> Received, string? Refusal = null)
{
    /// <summary>The profile of <paramref name="engine"/> says the request goes through.</summary>
    public bool Allowed(Engine engine) => Report?.VerdictFor(EngineProfiles.Of(engine)) == CorsVerdict.Allowed;

    /// <summary>The verdict of <paramref name="engine"/>'s profile, or the refusal.</summary>
    public string Verdict(Engine engine) => Report is null ? "refused" : Report.VerdictFor(EngineProfiles.Of(engine)).ToString();

    /// <summary>CorsProbe's opinion on whether <paramref name="engine"/> sends a preflight.</summary>
    public bool PreflightSent(Engine engine) => Exchange(engine)?.BrowserSendsPreflight ?? false;

    /// <summary>
    /// The <c>Access-Control-Request-Method</c> of the preflight CorsProbe sent for <paramref name="engine"/>, as the
    /// server received it (<c>(not received)</c> when the server saw no such preflight).
    /// </summary>
    public string? RequestMethod(Engine engine) => Wire(engine, "Access-Control-Request-Method");

    /// <summary>The <c>Access-Control-Request-Headers</c> of that preflight, as the server received it.</summary>
    public string? RequestHeaders(Engine engine) => Wire(engine, "Access-Control-Request-Headers");

    /// <summary>
    /// How many preflights CorsProbe says <paramref name="engine"/> sends for two fetches <paramref name="repeat"/> apart:
    /// one when it still holds the first answer (and the second fetch does not skip the cache), else two.
    /// </summary>
    public int PreflightsFor(Engine engine, Cases.RepeatFetch repeat)
    {
        var rules = EngineProfiles.EngineOf(engine);
        var cached = Exchange(engine)?.PreflightCacheTime(rules) > TimeSpan.FromMilliseconds(repeat.DelayMilliseconds);
        return cached && !(repeat.NoStore && rules.NoStoreSkipsPreflightCache) ? 1 : 2;
    }

    /// <summary>The finding codes, for the conformance table.</summary>
    public string Codes => Report is null ? string.Empty : string.Join(" ", Report.Findings.Select(f => f.Code).Distinct());

    /// <summary>The preflight CorsProbe sent for <paramref name="engine"/>.</summary>
    public CorsExchange? Exchange(Engine engine) =>
        Report?.Preflights.FirstOrDefault(p => p.Engines.Any(e => e.Name == engine.ToString()));

    private string? Wire(Engine engine, string name)
    {
        if (Exchange(engine) is not { } exchange)
        {
            return null;
        }

        var sent = (exchange.RequestHeader("Access-Control-Request-Method"), exchange.RequestHeader("Access-Control-Request-Headers"));
        return Received.Contains(sent) ? exchange.RequestHeader(name) : "(not received)";
    }
}

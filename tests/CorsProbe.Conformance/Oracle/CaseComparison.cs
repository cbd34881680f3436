using CorsProbing.Conformance.Cases;

namespace CorsProbing.Conformance.Oracle;

/// <summary>One case as a browser engine and CorsProbe saw it, and every way they differ.</summary>
public sealed class CaseComparison : IAgreement
{
    /// <summary>Compares the two results of <paramref name="case"/>.</summary>
    public CaseComparison(Engine engine, ConformanceCase @case, BrowserResult browser, ProbeResult probe)
    {
        Engine = engine;
        Case = @case;
        Browser = browser;
        Probe = probe;
        Differences = FindDifferences();
    }

    /// <summary>The engine.</summary>
    public Engine Engine { get; }

    /// <summary>The profile of CorsProbe that answers for <see cref="Engine"/>.</summary>
    public CorsProfile Profile => EngineProfiles.Of(Engine);

    /// <summary>The case.</summary>
    public ConformanceCase Case { get; }

    /// <summary>What the browser did.</summary>
    public BrowserResult Browser { get; }

    /// <summary>What CorsProbe concluded.</summary>
    public ProbeResult Probe { get; }

    /// <summary>Every disagreement, in words; empty when the two agree.</summary>
    public IReadOnlyList<string> Differences { get; }

    /// <summary>True when verdicts and preflights agree.</summary>
    public bool Agrees => Differences.Count == 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"case {Case.Id} ({Case.Description}): {string.Join("; ", Differences)}{Environment.NewLine}{(object?)Probe.Report ?? Probe.Refusal}";

    private List<string> FindDifferences()
    {
        var differences = new List<string>();
        if (Browser.Outcome == "missing")
        {
            differences.Add($"{Engine} never reported this case");
        }

        if (Probe.Refusal is not null)
        {
            // CorsProbe refuses a header every engine forbids; the engine must have dropped every header the page set.
            var set = Case.RequestHeaders.Select(h => h.Key.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal);
            if (Browser.DroppedHeaders != string.Join(",", set))
            {
                differences.Add($"CorsProbe refuses the headers ({Probe.Refusal}), but {Engine} dropped '{Browser.DroppedHeaders}' and {(Browser.PreflightSent ? "sent a preflight" : "sent no preflight")}");
            }

            return differences;
        }

        if (Browser.Allowed != Probe.Allowed(Engine))
        {
            differences.Add($"{Engine} {(Browser.Allowed ? "allowed" : "blocked")} it (fetch {Browser.Outcome}), CorsProbe's {Profile.Name} profile says {Probe.Verdict(Engine)} [{Probe.Codes}]");
        }

        var preflightSent = Probe.PreflightSent(Engine);
        if (Browser.PreflightSent != preflightSent)
        {
            differences.Add($"{Engine} {(Browser.PreflightSent ? "sent" : "did not send")} a preflight, CorsProbe says {Engine} {(preflightSent ? "sends" : "does not send")} one");
        }
        else if (Browser.PreflightSent)
        {
            if (!string.Equals(Browser.RequestMethod, Probe.RequestMethod(Engine), StringComparison.Ordinal))
            {
                differences.Add($"Access-Control-Request-Method: {Engine} sent '{Browser.RequestMethod}', CorsProbe '{Probe.RequestMethod(Engine)}'");
            }

            if (!string.Equals(Browser.RequestHeaders, Probe.RequestHeaders(Engine), StringComparison.Ordinal))
            {
                differences.Add($"Access-Control-Request-Headers: {Engine} sent '{Browser.RequestHeaders}', CorsProbe '{Probe.RequestHeaders(Engine)}'");
            }
        }

        if (Case.Repeat is { } repeat && Browser.PreflightCount is { } count && Probe.PreflightsFor(Engine, repeat) is var predicted && count != predicted)
        {
            differences.Add($"preflight cache: {Engine} sent {count} preflight(s) for two fetches {repeat.DelayMilliseconds} ms apart, CorsProbe says {predicted} ({Engine} keeps this answer {Probe.Exchange(Engine)?.PreflightCacheTime(EngineProfiles.EngineOf(Engine)).TotalSeconds} s)");
        }

        return differences;
    }
}

using CorsProbing.Conformance.Cases;

namespace CorsProbing.Conformance.Oracle;

/// <summary>One case as Chromium and CorsProbe saw it, and every way they differ.</summary>
public sealed class CaseComparison
{
    /// <summary>Compares the two results of <paramref name="case"/>.</summary>
    public CaseComparison(ConformanceCase @case, BrowserResult browser, ProbeResult probe)
    {
        Case = @case;
        Browser = browser;
        Probe = probe;
        Differences = FindDifferences();
    }

    /// <summary>The case.</summary>
    public ConformanceCase Case { get; }

    /// <summary>What Chromium did.</summary>
    public BrowserResult Browser { get; }

    /// <summary>What CorsProbe concluded.</summary>
    public ProbeResult Probe { get; }

    /// <summary>Every disagreement, in words; empty when the two agree.</summary>
    public IReadOnlyList<string> Differences { get; }

    /// <summary>True when verdicts and preflights agree.</summary>
    public bool Agrees => Differences.Count == 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"case {Case.Id} ({Case.Description}): {string.Join("; ", Differences)}{Environment.NewLine}{Probe.Report}";

    private List<string> FindDifferences()
    {
        var differences = new List<string>();
        if (Browser.Outcome == "missing")
        {
            differences.Add("Chromium never reported this case");
        }

        if (Browser.Allowed != Probe.Allowed)
        {
            differences.Add($"Chromium {(Browser.Allowed ? "allowed" : "blocked")} it (fetch {Browser.Outcome}), CorsProbe's Browser profile says {Probe.Report.VerdictFor(CorsProfile.Browser)} [{Probe.Codes}]");
        }

        if (Browser.PreflightSent != Probe.PreflightSent)
        {
            differences.Add($"Chromium {(Browser.PreflightSent ? "sent" : "did not send")} a preflight, CorsProbe says a browser {(Probe.PreflightSent ? "sends" : "does not send")} one");
        }
        else if (Browser.PreflightSent)
        {
            if (!string.Equals(Browser.RequestMethod, Probe.RequestMethod, StringComparison.Ordinal))
            {
                differences.Add($"Access-Control-Request-Method: Chromium sent '{Browser.RequestMethod}', CorsProbe '{Probe.RequestMethod}'");
            }

            if (!string.Equals(Browser.RequestHeaders, Probe.RequestHeaders, StringComparison.Ordinal))
            {
                differences.Add($"Access-Control-Request-Headers: Chromium sent '{Browser.RequestHeaders}', CorsProbe '{Probe.RequestHeaders}'");
            }
        }

        return differences;
    }
}

using CorsProbing.Conformance.Cases;

namespace CorsProbing.Conformance.Oracle;

/// <summary>Runs the whole matrix in one headless Chromium process and collects what the browser did.</summary>
public static class ChromiumRun
{
    /// <summary>How long the whole run may take before the test fails.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    /// <summary>Runs every case of <paramref name="server"/> in Chromium.</summary>
    public static async Task<IReadOnlyList<BrowserResult>> RunAsync(CaseServer server, IReadOnlyList<ConformanceCase> cases, CancellationToken cancellationToken)
    {
        await using (Chromium.Start(RunnerPage.StartUrl, server.HostResolverRules))
        {
            await server.Finished.WaitAsync(Limit, cancellationToken);
        }

        return [.. cases.Select(c => Result(server, c))];
    }

    private static BrowserResult Result(CaseServer server, ConformanceCase c)
    {
        var seen = server.Observation(c.Id, ClientKind.Browser);
        var outcome = server.Outcome(c.Id) ?? "missing";
        return new BrowserResult(
            c.Id,
            c.Fingerprint,
            Allowed: seen.ActualSeen && outcome == "resolved",
            outcome,
            seen.PreflightSeen,
            seen.PreflightMethod,
            seen.PreflightHeaders);
    }
}

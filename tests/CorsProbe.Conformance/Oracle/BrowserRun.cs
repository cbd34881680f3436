using CorsProbing.Conformance.Cases;

namespace CorsProbing.Conformance.Oracle;

/// <summary>Runs the whole matrix in one browser process of an engine and collects what the browser did.</summary>
public static class BrowserRun
{
    /// <summary>How long the whole run may take before the test fails.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    /// <summary>Runs every case of <paramref name="server"/> in <paramref name="engine"/>.</summary>
    public static async Task<IReadOnlyList<BrowserResult>> RunAsync(Engine engine, CaseServer server, IReadOnlyList<ConformanceCase> cases, CancellationToken cancellationToken)
    {
        await using (await EngineLauncher.StartAsync(engine, server, cancellationToken))
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
            seen.PreflightHeaders,
            seen.ActualSeen ? Dropped(c.RequestHeaders, seen.ActualHeaders) : null,
            c.Repeat is null ? null : seen.Preflights.Count);
    }

    // A header set more than once arrives as one line joined with ", " or as several lines: either carries it.
    private static string? Dropped(IReadOnlyList<KeyValuePair<string, string>> set, IReadOnlyList<KeyValuePair<string, string>> arrived)
    {
        var dropped = set
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Where(name =>
            {
                var values = arrived.Where(a => a.Key.Equals(name.Key, StringComparison.OrdinalIgnoreCase)).Select(a => a.Value).ToList();
                return !name.All(h => values.Any(v => v == h.Value || v.Split(", ").Contains(h.Value)));
            })
            .Select(name => name.Key.ToLowerInvariant())
            .Order(StringComparer.Ordinal)
            .ToList();
        return dropped.Count == 0 ? null : string.Join(",", dropped);
    }
}

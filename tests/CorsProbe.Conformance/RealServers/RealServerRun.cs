using CorsProbing.Conformance.Cases;
using CorsProbing.Conformance.Oracle;

namespace CorsProbing.Conformance.RealServers;

/// <summary>Puts scenarios to live Chromium and to CorsProbe (both profiles) and lists every mismatch.</summary>
public static class RealServerRun
{
    /// <summary>Runs <paramref name="scenarios"/> against servers reachable at <paramref name="ports"/> (host name to loopback TLS port).</summary>
    public static async Task<IReadOnlyList<string>> MismatchesAsync(
        IReadOnlyList<RealServerScenario> scenarios, IReadOnlyDictionary<string, int> ports, CancellationToken cancellationToken)
    {
        var fetches = scenarios
            .Select((s, i) => new FetchSpec(i + 1, s.Url, RequestKinds.Method(s.Kind), RequestKinds.Headers(s.Kind), s.Credentials))
            .ToLookup(_ => CaseOrigin.Galxe);
        await using var pages = new CaseServer([], fetches, ports);
        await using (Chromium.Start(RunnerPage.StartUrl, pages.HostResolverRules))
        {
            await pages.Finished.WaitAsync(ChromiumRun.Limit, cancellationToken);
        }

        using var handler = LoopbackTls.HandlerTo(host => ports[host]);
        var mismatches = new List<string>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = scenarios[i];
            var probe = CorsProbe.For(scenario.Url)
                .WithOrigin(CaseOrigins.Serialize(CaseOrigin.Galxe))
                .RequireMethods(RequestKinds.Method(scenario.Kind))
                .WithCredentials(scenario.Credentials)
                .UsingHandler(handler);
            foreach (var (name, value) in RequestKinds.Headers(scenario.Kind))
            {
                probe = probe.RequireHeader(name, value);
            }

            var report = await probe.ProbeAsync(cancellationToken);
            var outcome = pages.Outcome(i + 1) ?? "missing";
            var browser = outcome == "resolved" ? CorsVerdict.Allowed : CorsVerdict.Denied;
            if (outcome == "missing" || report.VerdictFor(CorsProfile.Browser) != browser)
            {
                mismatches.Add($"{scenario}: Chromium fetch {outcome}, CorsProbe Browser profile {report.VerdictFor(CorsProfile.Browser)}{Environment.NewLine}{report}");
            }

            if (report.VerdictFor(CorsProfile.Galxe) != scenario.Galxe)
            {
                mismatches.Add($"{scenario}: the platform's rules say {scenario.Galxe}, CorsProbe's Galxe profile {report.VerdictFor(CorsProfile.Galxe)}{Environment.NewLine}{report}");
            }
        }

        return mismatches;
    }
}

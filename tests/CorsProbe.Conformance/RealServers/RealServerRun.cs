using CorsProbing.Conformance.Cases;
using CorsProbing.Conformance.Oracle;

namespace CorsProbing.Conformance.RealServers;

/// <summary>Puts scenarios to live Chromium and to CorsProbe (both profiles) and pairs the outcomes.</summary>
public static class RealServerRun
{
    /// <summary>Runs <paramref name="scenarios"/> against servers reachable at <paramref name="ports"/> (host name to loopback TLS port).</summary>
    public static async Task<IReadOnlyList<RealServerResult>> RunAsync(
        IReadOnlyList<RealServerScenario> scenarios, IReadOnlyDictionary<string, int> ports, CancellationToken cancellationToken)
    {
        // Each scenario's URL is made unique by a query the servers ignore, so that Chromium's NetLog tells which
        // requests each fetch() put on the wire.
        var fetches = scenarios
            .Select((s, i) => (s.Origin, Fetch: new FetchSpec(i + 1, UrlOf(s, i), RequestKinds.Method(s.Kind), RequestKinds.Headers(s.Kind), s.Credentials)))
            .ToLookup(f => f.Origin, f => f.Fetch);
        var directory = Support.ChildProcess.NewDirectory("corsprobe-netlog-");
        var netLog = Path.Combine(directory, "netlog.json");
        await using var pages = new CaseServer([], fetches, ports);
        await using (Chromium.Start(RunnerPage.StartUrl, pages.HostResolverRules, netLog))
        {
            await pages.Finished.WaitAsync(BrowserRun.Limit, cancellationToken);
        }

        var started = ChromiumNetLog.RequestsStarted(netLog);
        Directory.Delete(directory, recursive: true);

        using var handler = LoopbackTls.HandlerTo(host => ports[host]);
        var results = new List<RealServerResult>(scenarios.Count);
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = scenarios[i];
            var probe = CorsProbe.For(UrlOf(scenario, i))
                .WithOrigin(CaseOrigins.Serialize(scenario.Origin))
                .RequireMethods(RequestKinds.Method(scenario.Kind))
                .WithCredentials(scenario.Credentials)
                .AlsoJudgeBy(CorsProfile.Galxe)
                .UsingHandler(handler);
            foreach (var (name, value) in RequestKinds.Headers(scenario.Kind))
            {
                probe = probe.RequireHeader(name, value);
            }

            var sentActual = started[UrlOf(scenario, i)].Any(method => method != "OPTIONS");
            var report = await probe.ProbeAsync(cancellationToken);
            var certain = await probe.SendActualRequests().ProbeAsync(cancellationToken);
            results.Add(new RealServerResult(scenario, pages.Outcome(i + 1), sentActual, report) { Certain = certain });
        }

        return results;
    }

    private static string UrlOf(RealServerScenario scenario, int index) => $"{scenario.Url}?scenario={index + 1}";

    /// <summary>Every scenario where CorsProbe's Browser profile differs from Chromium, or its Galxe profile from the platform's rules.</summary>
    public static async Task<IReadOnlyList<string>> MismatchesAsync(
        IReadOnlyList<RealServerScenario> scenarios, IReadOnlyDictionary<string, int> ports, CancellationToken cancellationToken)
    {
        var mismatches = new List<string>();
        foreach (var result in await RunAsync(scenarios, ports, cancellationToken))
        {
            if (!result.BrowserAgrees)
            {
                mismatches.Add(result.Describe());
            }

            if (result.Scenario.Galxe is { } galxe && result.Report.VerdictFor(CorsProfile.Galxe) != galxe)
            {
                mismatches.Add($"{result.Scenario}: the platform's rules say {galxe}, CorsProbe's Galxe profile {result.Report.VerdictFor(CorsProfile.Galxe)}{Environment.NewLine}{result.Report}");
            }
        }

        return mismatches;
    }
}

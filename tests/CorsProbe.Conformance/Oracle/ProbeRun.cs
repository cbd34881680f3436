using System.Collections.Concurrent;
using CorsProbing.Conformance.Cases;

namespace CorsProbing.Conformance.Oracle;

/// <summary>Probes every case with CorsProbe through the case server.</summary>
public static class ProbeRun
{
    /// <summary>Probes <paramref name="cases"/>, a few at a time.</summary>
    public static async Task<IReadOnlyDictionary<int, ProbeResult>> RunAsync(CaseServer server, IReadOnlyList<ConformanceCase> cases, CancellationToken cancellationToken)
    {
        using var handler = LoopbackTls.HandlerTo(server.TlsPort);
        var reports = new ConcurrentDictionary<int, CorsReport>();
        var refusals = new ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (c, token) =>
        {
            var probe = CorsProbe.For(c.Url).WithOrigin(c.OriginValue).RequireMethods(c.Method).WithCredentials(c.Credentials).UsingHandler(handler);
            try
            {
                foreach (var (name, value) in c.RequestHeaders)
                {
                    probe = probe.RequireHeader(name, value);
                }
            }
            catch (ArgumentException e)
            {
                // A header every engine forbids: the builder refuses it, and the browsers must have dropped it.
                refusals[c.Id] = e.Message;
                return;
            }

            reports[c.Id] = await probe.ProbeAsync(token);
        });

        return cases.ToDictionary(
            c => c.Id,
            c =>
            {
                var seen = server.Observation(c.Id, ClientKind.CorsProbe);
                return new ProbeResult(reports.GetValueOrDefault(c.Id), seen.Preflights, refusals.GetValueOrDefault(c.Id));
            });
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using CorsProbing.Conformance.Cases;
using CorsProbing.Conformance.Oracle;
using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance.Malformed;

/// <summary>Puts the catalogue to a live engine and to CorsProbe (through its default, guarded transport).</summary>
public static class MalformedRun
{
    /// <summary>The timeout every CorsProbe probe of the catalogue runs with.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How many probes run at once.</summary>
    public const int Parallelism = 8;

    /// <summary>Both shapes of every case, in id order.</summary>
    public static IEnumerable<(MalformedCase Case, MalformedShape Shape)> Pairs(IReadOnlyList<MalformedCase> cases) =>
        cases.SelectMany(c => new[] { (c, MalformedShape.PreflightedPut), (c, MalformedShape.SimpleGet) });

    /// <summary>A hash of the case's bytes (for the Galxe origin).</summary>
    public static string Fingerprint(MalformedCase @case) =>
        Convert.ToHexString(SHA256.HashData(@case.Bytes(MalformedTargets.GalxeOrigin)))[..16] + (@case.Early ? "-early" : string.Empty);

    /// <summary>Runs every case in both shapes in one browser process of <paramref name="engine"/>.</summary>
    public static async Task<IReadOnlyList<MalformedObservation>> BrowserAsync(
        Engine engine, MalformedTargets targets, IReadOnlyList<MalformedCase> cases, CancellationToken cancellationToken)
    {
        var pairs = Pairs(cases).ToList();
        var fetches = pairs
            .Select(p => new FetchSpec(FetchId(p.Case, p.Shape), targets.Url(p.Case, p.Shape), p.Shape == MalformedShape.PreflightedPut ? "PUT" : "GET", [], false))
            .ToLookup(_ => CaseOrigin.Galxe);
        await using var pages = new CaseServer([], fetches, new Dictionary<string, int>());
        await using (await EngineLauncher.StartAsync(engine, pages, cancellationToken))
        {
            await pages.Finished.WaitAsync(BrowserRun.Limit, cancellationToken);
        }

        return [.. pairs.Select(p => new MalformedObservation(
            p.Case.Id, p.Shape, Fingerprint(p.Case), pages.Outcome(FetchId(p.Case, p.Shape)) ?? "missing", targets.ActualSeen(p.Case.Id, p.Shape, ClientKind.Browser)))];
    }

    /// <summary>Probes every case in both shapes with CorsProbe and pairs each report with <paramref name="browser"/>, <paramref name="engine"/>'s outcomes.</summary>
    public static async Task<IReadOnlyList<MalformedComparison>> CompareAsync(
        Engine engine, MalformedTargets targets, IReadOnlyList<MalformedCase> cases, IReadOnlyList<MalformedObservation> browser, CancellationToken cancellationToken)
    {
        var reports = new ConcurrentDictionary<(int, MalformedShape), (CorsReport, TimeSpan)>();
        await Parallel.ForEachAsync(Pairs(cases), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (pair, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            var report = await CorsProbe.For(targets.Url(pair.Case, pair.Shape))
                .WithOrigin(MalformedTargets.GalxeOrigin)
                .RequireMethods(pair.Shape == MalformedShape.PreflightedPut ? "PUT" : "GET")
                .AllowLoopback()
                .TrustCertificate(TestCertificate.Certificate)
                .WithTimeout(ProbeTimeout)
                .ProbeAsync(token);
            reports[(pair.Case.Id, pair.Shape)] = (report, Stopwatch.GetElapsedTime(started));
        });

        var byKey = browser.ToDictionary(b => (b.Id, b.Shape));
        return [.. Pairs(cases).Select(p =>
        {
            var (report, elapsed) = reports[(p.Case.Id, p.Shape)];
            return new MalformedComparison(engine, p.Case, byKey[(p.Case.Id, p.Shape)], report, elapsed);
        })];
    }

    private static int FetchId(MalformedCase @case, MalformedShape shape) => (@case.Id * 10) + (int)shape;
}

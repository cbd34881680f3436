using System.Globalization;
using System.Text;
using CorsProbing.Conformance.Cases;
using CorsProbing.Testing;

namespace CorsProbing.Conformance.RealServers;

/// <summary>
/// Every configuration of a real server asked every request shape of <see cref="RequestKinds.Matrix"/>, with and
/// without credentials, from the dashboard and from a foreign origin; CorsProbe's Browser verdict against Chromium's.
/// </summary>
public static class RealServerMatrix
{
    /// <summary>The least share of scenarios decided on a stand-in GET where the Browser verdict must equal Chromium's.</summary>
    public const double StandInAgreement = 0.90;

    /// <summary>The scenarios of <paramref name="setups"/> (path to description) on <paramref name="host"/>.</summary>
    public static List<RealServerScenario> Scenarios(string host, IReadOnlyDictionary<string, string> setups) =>
    [
        .. from setup in setups
           from kind in RequestKinds.Matrix
           from credentials in new[] { false, true }
           from origin in new[] { CaseOrigin.Galxe, CaseOrigin.Localhost }
           select new RealServerScenario(host, setup.Key, setup.Value, credentials, kind, null, origin),
    ];

    /// <summary>
    /// Runs the matrix and asserts: the Browser verdict equals Chromium's wherever CorsProbe saw the responses browsers
    /// judge, and in at least <see cref="StandInAgreement"/> of the scenarios a stand-in decided (an Inconclusive verdict
    /// decides nothing: it is counted apart, and never where CorsProbe saw the responses). Writes the table to
    /// <c>artifacts/real-servers/{name}.md</c>.
    /// </summary>
    /// <param name="name">The server's name in the table.</param>
    /// <param name="host">The host name the configurations are reached at.</param>
    /// <param name="ports">Every host name the server answers (redirects may lead to another), to its loopback TLS port.</param>
    /// <param name="setups">The configurations, by path.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task AgreeAsync(string name, string host, IReadOnlyDictionary<string, int> ports, IReadOnlyDictionary<string, string> setups, CancellationToken cancellationToken)
    {
        var results = await RealServerRun.RunAsync(Scenarios(host, setups), ports, cancellationToken);
        var table = Table(name, results);
        var directory = Path.Combine(Repository.Root, "artifacts", "real-servers");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, name + ".md"), table, cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(table);

        var direct = results.Where(r => !r.OnStandIn).ToList();
        var standIn = results.Where(r => r.OnStandIn).ToList();
        direct.Where(r => !r.BrowserAgrees).Select(r => r.Describe()).Should().BeEmpty(table);
        results.Where(r => r.OnStandIn && r.Chromium == CorsVerdict.Allowed && r.Report.VerdictFor(CorsProfile.Browser) == CorsVerdict.Denied && !ProvesAFailure(r))
            .Select(r => r.Describe()).Should().BeEmpty("a stand-in that cannot speak for the method's route is Inconclusive, never Denied where browsers allow");
        results.Where(r => !r.CertainAgrees).Select(r => $"{r.Scenario}: Chromium {r.Chromium}, with the actual requests {r.Certain?.VerdictFor(CorsProfile.Browser)}{Environment.NewLine}{r.Certain}")
            .Should().BeEmpty("with SendActualRequests() the verdict rests on the responses browsers judge");
        results.Where(r => !r.SendingAgrees).Select(r => r.Describe()).Should().BeEmpty("whether the actual request reaches the server must match Chromium's NetLog");
        var decided = standIn.Where(r => !r.Inconclusive).ToList();
        if (decided.Count > 0)
        {
            ((double)decided.Count(r => r.BrowserAgrees) / decided.Count).Should().BeGreaterThanOrEqualTo(
                StandInAgreement, table + Environment.NewLine + string.Join(Environment.NewLine + Environment.NewLine, decided.Where(r => r.BrowserDiffers).Select(r => r.Describe())));
        }
    }

    // A stand-in that proves a failure the actual response may not share (two Access-Control-Allow-Origin lines from a
    // handler the method's request never reaches) keeps its Denied: the issue's rule, which only the actual request settles.
    private static bool ProvesAFailure(RealServerResult result) =>
        result.Report.Findings.Any(f => f.Severity == CorsSeverity.Error && f.Code is CorsFindingCodes.AllowOriginMultiple or CorsFindingCodes.AllowOriginMismatch or CorsFindingCodes.WildcardWithCredentials);

    /// <summary>A Markdown table: agreement with Chromium per configuration, on direct evidence and on a stand-in.</summary>
    public static string Table(string name, IReadOnlyList<RealServerResult> results)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"| {name} configuration | direct evidence: agree / scenarios | stand-in GET: agree / scenarios | stand-in GET: inconclusive | with the actual requests: agree / scenarios |").AppendLine();
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var setup in results.GroupBy(r => r.Scenario.Path))
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{setup.Key}` {setup.First().Scenario.Setup} | {Count(setup, onStandIn: false)} | {Count(setup, onStandIn: true)} | {setup.Count(r => r.OnStandIn && r.Inconclusive)} | {setup.Count(r => r.CertainAgrees)} / {setup.Count()} |").AppendLine();
        }

        text.Append(CultureInfo.InvariantCulture, $"| **all** | {Count(results, onStandIn: false)} | {Count(results, onStandIn: true)} | {results.Count(r => r.OnStandIn && r.Inconclusive)} | {results.Count(r => r.CertainAgrees)} / {results.Count} |").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"- whether the actual request reached the server (Chromium's NetLog): {results.Count(r => r.SendingAgrees)} / {results.Count} agree").AppendLine();
        foreach (var unsure in results.Where(r => r.Inconclusive))
        {
            text.Append(CultureInfo.InvariantCulture, $"- inconclusive: `{unsure.Scenario.Path}` {unsure.Scenario.Kind}{(unsure.Scenario.Credentials ? " with credentials" : string.Empty)} from {CaseOrigins.Serialize(unsure.Scenario.Origin)}: Chromium {unsure.Chromium}").AppendLine();
        }

        foreach (var miss in results.Where(r => r.BrowserDiffers))
        {
            text.Append(CultureInfo.InvariantCulture, $"- differs: `{miss.Scenario.Path}` {miss.Scenario.Kind}{(miss.Scenario.Credentials ? " with credentials" : string.Empty)} from {CaseOrigins.Serialize(miss.Scenario.Origin)}: Chromium {miss.Chromium}, CorsProbe {miss.Report.VerdictFor(CorsProfile.Browser)}{(miss.OnStandIn ? " (stand-in)" : string.Empty)}").AppendLine();
        }

        return text.ToString();
    }

    private static string Count(IEnumerable<RealServerResult> results, bool onStandIn)
    {
        var chosen = results.Where(r => r.OnStandIn == onStandIn && !r.Inconclusive).ToList();
        return $"{chosen.Count(r => r.BrowserAgrees)} / {chosen.Count}";
    }
}

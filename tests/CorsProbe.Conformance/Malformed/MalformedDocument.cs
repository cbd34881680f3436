using System.Globalization;
using System.Text;

namespace CorsProbing.Conformance.Malformed;

/// <summary>Renders the malformed-response section of <c>docs/conformance.md</c>: per class, then every case in both shapes.</summary>
public static class MalformedDocument
{
    /// <summary>
    /// The section for each engine's recording and comparisons (<paramref name="engines"/>, Chromium first; every list in
    /// the catalogue's order).
    /// </summary>
    public static string Render(IReadOnlyList<(Oracle.Engine Engine, Oracle.OracleRecording<MalformedObservation> Recording, IReadOnlyList<MalformedComparison> Comparisons)> engines)
    {
        var chromium = engines[0];
        var text = new StringBuilder();
        text.AppendLine("## Malformed responses");
        text.AppendLine();
        text.AppendLine(Invariant($"A loopback TLS server (`tests/CorsProbe.Conformance/Malformed/ByteServer.cs`) writes each response of the catalogue byte for byte, then closes the connection. Each engine fetches every case twice from `https://dashboard.galxe.com`: as a `PUT`, whose preflight gets the malformed bytes (the `PUT` then gets a correct answer), and as a simple `GET`, whose own response is malformed. Apart from its one defect, each answer is a correct CORS answer (the exact origin, `PUT` allowed). An engine **allowed** a case when `fetch()` resolved."));
        text.AppendLine();
        text.AppendLine("CorsProbe probes the same bytes through its default transport, which reads each response head from the raw bytes as each engine does (`src/CorsProbe/Http/WireHeadParser.cs`, with each engine's `WireRules`): where the engines read a head differently, CorsProbe judges each reading for its engines, so its verdict for each engine must equal that engine's. `CORS019` is a response browsers refuse, `CORS110` one they accept though it is not valid HTTP/1.1. One kind of case stays apart, on purpose: Firefox reads a head over 256 KiB (CorsProbe keeps at most that much of a head, to stay bounded in memory against hostile servers, and follows Chromium's limit). WebKit reads a preflight's whole body, and so does CorsProbe's reading for WebKit (up to 64 KiB, waiting at most a second): a body shorter than its `Content-Length` fails the preflight there.");
        text.AppendLine();
        text.AppendLine("| Engine | Browser | Recorded | Cases (× 2 shapes) | Agreements | Disagreements | Agreement |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var (engine, recording, comparisons) in engines)
        {
            var agreements = comparisons.Count(c => c.Agrees);
            text.AppendLine(Invariant($"| {engine} | {recording.Browser} | {recording.Recorded} | {comparisons.Count} | {agreements} | {comparisons.Count - agreements} | {100.0 * agreements / comparisons.Count:0.0}% |"));
        }

        text.AppendLine();
        text.AppendLine("### By class");
        text.AppendLine();
        text.AppendLine("| Class | Cases | " + string.Join(" | ", engines.Select(e => $"{e.Engine} allowed PUT / GET")) + " | " + string.Join(" | ", engines.Select(e => $"Agreement, {e.Engine}")) + " |");
        text.AppendLine("|---|---:|" + string.Concat(engines.Select(_ => "---:|")) + string.Concat(engines.Select(_ => "---:|")));
        foreach (var group in chromium.Comparisons.Select((c, index) => (c, index)).GroupBy(x => x.c.Case.Class))
        {
            var indexes = group.Select(x => x.index).ToList();
            var allowed = engines.Select(e =>
                $"{indexes.Count(i => e.Comparisons[i].Browser.Shape == MalformedShape.PreflightedPut && e.Comparisons[i].Browser.Allowed)} / {indexes.Count(i => e.Comparisons[i].Browser.Shape == MalformedShape.SimpleGet && e.Comparisons[i].Browser.Allowed)}");
            var agreement = engines.Select(e => $"{indexes.Count(i => e.Comparisons[i].Agrees)}/{indexes.Count}");
            text.AppendLine(Invariant($"| {group.Key} | {indexes.Count / 2} | {string.Join(" | ", allowed)} | {string.Join(" | ", agreement)} |"));
        }

        text.AppendLine();
        text.AppendLine("### Every malformed response");
        text.AppendLine();
        text.AppendLine("| # | Class | What is wrong | The bytes that differ from a correct answer | PUT: " + string.Join(" / ", engines.Select(e => e.Engine)) + " | CorsProbe, PUT | GET: " + string.Join(" / ", engines.Select(e => e.Engine)) + " | CorsProbe, GET | Agree |");
        text.AppendLine("|---:|---|---|---|---|---|---|---|:-:|");
        for (var i = 0; i < chromium.Comparisons.Count; i += 2)
        {
            var put = chromium.Comparisons[i];
            var get = chromium.Comparisons[i + 1];
            var sample = put.Case.Difference(MalformedTargets.GalxeOrigin, 90);
            var putOutcomes = string.Join(" / ", engines.Select(e => e.Comparisons[i].Browser.Outcome));
            var getOutcomes = string.Join(" / ", engines.Select(e => e.Comparisons[i + 1].Browser.Outcome));
            var probePut = string.Join(" / ", engines.Select(e => Probe(e.Comparisons[i])));
            var probeGet = string.Join(" / ", engines.Select(e => Probe(e.Comparisons[i + 1])));
            var disagreeing = engines.Where(e => !e.Comparisons[i].Agrees || !e.Comparisons[i + 1].Agrees).Select(e => e.Engine.ToString()).ToList();
            text.AppendLine(Invariant($"| {put.Case.Id} | {put.Case.Class} | {Cell(put.Case.Description)} | `{Cell(sample)}` | {putOutcomes} | {probePut} | {getOutcomes} | {probeGet} | {(disagreeing.Count == 0 ? "yes" : $"**no** ({string.Join(", ", disagreeing)})")} |"));
        }

        return text.ToString();
    }

    private static string Probe(MalformedComparison comparison)
    {
        var codes = comparison.Report.Findings.Select(f => f.Code).Where(code => code is "CORS001" or "CORS002" or "CORS019" or "CORS110" or "CORS005" or "CORS006" or "CORS007" or "CORS003").Distinct();
        return $"{comparison.Report.VerdictFor(Oracle.EngineProfiles.Of(comparison.Engine))} {string.Join(" ", codes)}".TrimEnd();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

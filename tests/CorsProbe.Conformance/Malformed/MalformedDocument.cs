using System.Globalization;
using System.Text;

namespace CorsProbing.Conformance.Malformed;

/// <summary>Renders the malformed-response section of <c>docs/conformance.md</c>: per class, then every case in both shapes.</summary>
public static class MalformedDocument
{
    /// <summary>The section for <paramref name="comparisons"/> against <paramref name="recording"/>.</summary>
    public static string Render(MalformedRecording recording, IReadOnlyList<MalformedComparison> comparisons)
    {
        var agreements = comparisons.Count(c => c.Agrees);
        var text = new StringBuilder();
        text.AppendLine("## Malformed responses");
        text.AppendLine();
        text.AppendLine(Invariant($"A loopback TLS server (`tests/CorsProbe.Conformance/Malformed/ByteServer.cs`) writes each response of the catalogue byte for byte, then closes the connection. Headless **{recording.Browser}** (recorded {recording.Recorded}) fetches every case twice from `https://dashboard.galxe.com`: as a `PUT`, whose preflight gets the malformed bytes (the `PUT` then gets a correct answer), and as a simple `GET`, whose own response is malformed. Apart from its one defect, each answer is a correct CORS answer (the exact origin, `PUT` allowed). Chromium **allowed** a case when `fetch()` resolved."));
        text.AppendLine();
        text.AppendLine("CorsProbe probes the same bytes through its default transport, which reads each response head from the raw bytes by Chromium's rules (`src/CorsProbe/Http/WireHeadParser.cs`); its **Browser** verdict must equal Chromium's. `CORS019` is a response browsers refuse, `CORS110` one they accept though it is not valid HTTP/1.1.");
        text.AppendLine();
        text.AppendLine("| Cases (× 2 shapes) | Agreements | Disagreements | Agreement |");
        text.AppendLine("|---:|---:|---:|---:|");
        text.AppendLine(Invariant($"| {comparisons.Count} | {agreements} | {comparisons.Count - agreements} | {100.0 * agreements / comparisons.Count:0.0}% |"));
        text.AppendLine();
        text.AppendLine("### By class");
        text.AppendLine();
        text.AppendLine("| Class | Cases | Chromium allowed the PUT | Chromium allowed the GET | Agreement |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var group in comparisons.GroupBy(c => c.Case.Class))
        {
            var put = group.Where(c => c.Browser.Shape == MalformedShape.PreflightedPut).ToList();
            var get = group.Where(c => c.Browser.Shape == MalformedShape.SimpleGet).ToList();
            text.AppendLine(Invariant($"| {group.Key} | {put.Count} | {put.Count(c => c.Browser.Allowed)} | {get.Count(c => c.Browser.Allowed)} | {group.Count(c => c.Agrees)}/{group.Count()} |"));
        }

        text.AppendLine();
        text.AppendLine("### Every malformed response");
        text.AppendLine();
        text.AppendLine("| # | Class | What is wrong | The bytes that differ from a correct answer | Chromium, PUT | CorsProbe, PUT | Chromium, GET | CorsProbe, GET | Agree |");
        text.AppendLine("|---:|---|---|---|---|---|---|---|:-:|");
        foreach (var pair in comparisons.GroupBy(c => c.Case.Id))
        {
            var put = pair.Single(c => c.Browser.Shape == MalformedShape.PreflightedPut);
            var get = pair.Single(c => c.Browser.Shape == MalformedShape.SimpleGet);
            var sample = put.Case.Difference(MalformedTargets.GalxeOrigin, 90);
            text.AppendLine(Invariant($"| {put.Case.Id} | {put.Case.Class} | {Cell(put.Case.Description)} | `{Cell(sample)}` | {put.Browser.Outcome} | {Probe(put)} | {get.Browser.Outcome} | {Probe(get)} | {(put.Agrees && get.Agrees ? "yes" : "**no**")} |"));
        }

        return text.ToString();
    }

    private static string Probe(MalformedComparison comparison)
    {
        var codes = comparison.Report.Findings.Select(f => f.Code).Where(code => code is "CORS001" or "CORS002" or "CORS019" or "CORS110" or "CORS005" or "CORS006" or "CORS007" or "CORS003").Distinct();
        return $"{comparison.Report.VerdictFor(CorsProfile.Browser)} {string.Join(" ", codes)}".TrimEnd();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Security.Cryptography;
using System.Text.Json;

namespace CorsProbing.Serialization;

/// <summary>
/// Writes reports as one SARIF 2.1.0 log for code scanning: one rule per finding code that occurs (its title, meaning,
/// help and the README's table of codes), one result per finding at the level its severity under the report's profile
/// gives (error, warning, note), and one per security finding at the level of its risk, with its CWE.
/// </summary>
internal static class SarifLog
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static string Write(IEnumerable<(CorsReport Report, SarifLocation Location)> targets)
    {
        var results = targets.SelectMany(target => Results(target.Report, target.Location)).ToList();
        var rules = results.Select(r => r.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules, results);
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                WriteResult(json, result, rules.IndexOf(result.RuleId));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private sealed record Result(string RuleId, string Title, string Level, string Message, CorsReport Report, SarifLocation Location, string? Method, CorsRisk? Risk, string? Cwe);

    private static IEnumerable<Result> Results(CorsReport report, SarifLocation location)
    {
        var context = location.Context is null ? "" : location.Context + ": ";
        foreach (var finding in report.Findings)
        {
            var level = finding.Severity switch { CorsSeverity.Error => "error", CorsSeverity.Warning => "warning", _ => "note" };
            yield return new(finding.Code, finding.Title, level, Sentence(context + finding.Message, finding.Remedy), report, location, finding.Method, null, null);
        }

        foreach (var finding in report.SecurityFindings)
        {
            var level = finding.Risk switch { CorsRisk.Critical or CorsRisk.High => "error", CorsRisk.Medium => "warning", _ => "note" };
            yield return new(finding.Code, finding.Title, level, Sentence(context + finding.Message, finding.Remedy), report, location, null, finding.Risk, finding.Cwe);
        }
    }

    // SARIF messages are sentences (SARIF2001): each part ends with a period.
    private static string Sentence(string message, string? remedy)
    {
        static string Ended(string text) => text.TrimEnd() is var t && (t.EndsWith('.') || t.EndsWith('!') || t.EndsWith('?')) ? t : t + ".";
        return remedy is null ? Ended(message) : $"{Ended(message)} Fix: {Ended(remedy)}";
    }

    private static void WriteTool(Utf8JsonWriter json, List<string> rules, List<Result> results)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "CorsProbe");
        json.WriteString("fullName", "CorsProbe: a browser's answer to whether an API's CORS configuration lets an origin call it");
        json.WriteString("version", Http.ProductInfo.Version);
        json.WriteString("semanticVersion", Http.ProductInfo.Version.Split('+')[0]);
        json.WriteString("informationUri", "https://github.com/corsprobe/CorsProbe");
        json.WriteStartArray("rules");
        foreach (var id in rules)
        {
            var first = results.First(r => r.RuleId == id);
            var (name, meaning) = SarifRules.Of(id);
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("name", name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", first.Title.EndsWith('.') ? first.Title : first.Title + ".");
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", meaning);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", SarifRules.Help(id));
            json.WriteEndObject();
            json.WriteString("helpUri", first.Risk is null ? SarifRules.FindingCodesUri : SarifRules.AuditUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", first.Level);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("cors");
            if (first.Cwe is { } cwe)
            {
                json.WriteStringValue("security");
                json.WriteStringValue("external/cwe/" + cwe.ToLowerInvariant());
            }

            json.WriteEndArray();
            if (first.Risk is { } risk)
            {
                json.WriteString("security-severity", SecuritySeverity(results.Where(r => r.RuleId == id).Max(r => r.Risk!.Value)));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // GitHub ranks security alerts by this score: critical over 9, high 7 to 8.9, medium 4 to 6.9, low under 4.
    private static string SecuritySeverity(CorsRisk risk) => risk switch
    {
        CorsRisk.Critical => "9.5",
        CorsRisk.High => "8.0",
        CorsRisk.Medium => "5.5",
        _ => "3.0",
    };

    private static void WriteResult(Utf8JsonWriter json, Result result, int ruleIndex)
    {
        var location = result.Location;
        json.WriteStartObject();
        json.WriteString("ruleId", result.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", result.Level);
        json.WriteStartObject("message");
        json.WriteString("text", result.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", location.ArtifactUri);
        json.WriteEndObject();
        if (location.Line is { } line)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("name", location.LogicalName);
        json.WriteString("fullyQualifiedName", location.FullyQualifiedName);
        json.WriteString("kind", location.LogicalKind);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("corsProbeFinding/v1", Fingerprint(result));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("url", result.Report.Url.OriginalString);
        json.WriteString("origin", result.Report.Origin);
        json.WriteString("profile", result.Report.Profile.Name);
        json.WriteString("verdict", result.Report.Verdict.ToString());
        if (result.Method is { } method)
        {
            json.WriteString("method", method);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    // The same finding of the same operation or URL keeps its fingerprint from run to run, so code scanning tracks one alert.
    private static string Fingerprint(Result result) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', result.RuleId, result.Location.ArtifactUri, result.Location.FullyQualifiedName, result.Location.Context ?? "", result.Method ?? ""))))[..32].ToLowerInvariant();
}

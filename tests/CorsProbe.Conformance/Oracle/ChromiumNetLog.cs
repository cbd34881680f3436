using System.Text.Json;

namespace CorsProbing.Conformance.Oracle;

/// <summary>
/// The requests Chromium started, read from the NetLog it writes with <c>--log-net-log</c>: the ground truth of which
/// requests a page's <c>fetch()</c> put on the wire (the preflight, and the actual request when CORS let it go).
/// </summary>
public static class ChromiumNetLog
{
    /// <summary>
    /// The methods of the requests started for each URL, from <paramref name="path"/>. Chromium is killed at the end of
    /// a run, so the file may end mid-way: it is read one event line at a time.
    /// </summary>
    public static ILookup<string, string> RequestsStarted(string path)
    {
        int? startJob = null;
        var started = new List<(string Url, string Method)>();
        foreach (var line in File.ReadLines(path))
        {
            var text = line.Trim().TrimEnd(',');
            if (startJob is null && text.StartsWith("{\"constants\":", StringComparison.Ordinal))
            {
                using var constants = JsonDocument.Parse(text + "}");
                startJob = constants.RootElement.GetProperty("constants").GetProperty("logEventTypes").GetProperty("URL_REQUEST_START_JOB").GetInt32();
                continue;
            }

            if (startJob is null || !text.StartsWith('{') || !text.EndsWith('}'))
            {
                continue;
            }

            using var entry = JsonDocument.Parse(text);
            var root = entry.RootElement;
            if (root.TryGetProperty("type", out var type) && type.GetInt32() == startJob
                && root.TryGetProperty("params", out var parameters)
                && parameters.TryGetProperty("url", out var url) && parameters.TryGetProperty("method", out var method))
            {
                started.Add((url.GetString()!, method.GetString()!));
            }
        }

        return started.ToLookup(r => r.Url, r => r.Method);
    }
}

using System.Text.Json;
using CorsProbing.Conformance.Cases;

namespace CorsProbing.Conformance.Oracle;

/// <summary>
/// The pages Chromium runs: each performs its origin's cases one after another with a real <c>fetch()</c>, reports
/// how each promise settled, then hands over to the next origin, so one browser process runs the whole matrix.
/// </summary>
public static class RunnerPage
{
    /// <summary>The first page: <c>https://dashboard.galxe.com/run</c>.</summary>
    public const string StartUrl = "https://dashboard.galxe.com/run";

    /// <summary>A page that runs <paramref name="cases"/>, then <paramref name="then"/> (JavaScript).</summary>
    public static string Html(IEnumerable<FetchSpec> cases, string then)
    {
        var payload = JsonSerializer.Serialize(cases.Select(c => new
        {
            id = c.Id,
            url = c.Url,
            method = c.Method,
            headers = c.Headers.Select(h => new[] { h.Key, h.Value }),
            credentials = c.Credentials ? "include" : "omit",
            repeat = c.Repeat is null ? null : new { delay = c.Repeat.DelayMilliseconds, noStore = c.Repeat.NoStore },
        }));
        return $$"""
            <!doctype html>
            <meta charset="utf-8">
            <title>CorsProbe conformance</title>
            <script>
            const cases = {{payload}};
            (async () => {
              const results = [];
              for (const c of cases) {
                let outcome;
                try {
                  const response = await fetch(c.url, { method: c.method, headers: c.headers, credentials: c.credentials, mode: 'cors', signal: AbortSignal.timeout(10000) });
                  try {
                    await response.text();
                    outcome = 'resolved';
                  } catch (e) {
                    outcome = 'resolved, body failed';
                  }
                } catch (e) {
                  outcome = e.name === 'TimeoutError' ? 'timed out' : 'rejected';
                }
                results.push({ id: c.id, outcome });
                if (c.repeat) {
                  await new Promise(resolve => setTimeout(resolve, c.repeat.delay));
                  try {
                    const again = await fetch(c.url, { method: c.method, headers: c.headers, credentials: c.credentials, mode: 'cors', cache: c.repeat.noStore ? 'no-store' : 'default', signal: AbortSignal.timeout(10000) });
                    await again.text();
                  } catch (e) {
                  }
                }
              }
              await fetch('/report', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(results) });
              {{then}}
            })();
            </script>
            """;
    }

    /// <summary>The dashboard page: its cases, then the sandboxed iframe's, then the localhost page.</summary>
    public static string Galxe(IEnumerable<FetchSpec> cases) => Html(cases, $$"""
        await new Promise(resolve => {
          window.addEventListener('message', e => { if (e.data === 'opaque-done') resolve(); });
          const frame = document.createElement('iframe');
          frame.sandbox = 'allow-scripts';
          frame.src = '/run-opaque';
          document.documentElement.appendChild(frame);
        });
        location.href = 'http://localhost:{{CaseOrigins.LocalhostPort}}/run';
        """);

    /// <summary>The sandboxed iframe's page (origin <c>null</c>).</summary>
    public static string Opaque(IEnumerable<FetchSpec> cases) => Html(cases, "parent.postMessage('opaque-done', '*');");

    /// <summary>The localhost page, which ends the run.</summary>
    public static string Localhost(IEnumerable<FetchSpec> cases) =>
        Html(cases, "await fetch('/finished', { method: 'POST' });");
}

using System.Text;

namespace CorsProbing.Conformance.Cases;

/// <summary>
/// One cross-origin request and the exact preflight answer it gets. The same case is put to headless Chromium (a real
/// <c>fetch()</c> from a page of the case's origin) and to CorsProbe; their verdicts must agree.
/// </summary>
/// <param name="Id">Stable number; the request goes to <c>https://api.example.com/case/{Id}</c>.</param>
/// <param name="Origin">The page's origin.</param>
/// <param name="Method">The method passed to <c>fetch()</c> (before the browser normalizes it).</param>
/// <param name="RequestHeaders">The headers passed to <c>fetch()</c>.</param>
/// <param name="Credentials">Whether <c>fetch()</c> uses <c>credentials: "include"</c>.</param>
/// <param name="Status">The preflight response's status.</param>
/// <param name="ResponseLines">The preflight response's header lines, written exactly as given.</param>
/// <param name="Description">What the case varies, for the conformance table.</param>
/// <param name="Repeat">A second fetch after a delay, for the preflight cache; null for one fetch.</param>
public sealed record ConformanceCase(
    int Id,
    CaseOrigin Origin,
    string Method,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    bool Credentials,
    int Status,
    IReadOnlyList<KeyValuePair<string, string>> ResponseLines,
    string Description,
    RepeatFetch? Repeat = null)
{
    /// <summary>The host every case's API is served as.</summary>
    public const string ApiHost = "api.example.com";

    /// <summary>The request URL.</summary>
    public string Url => $"https://{ApiHost}/case/{Id}";

    /// <summary>The serialized origin.</summary>
    public string OriginValue => CaseOrigins.Serialize(Origin);

    /// <summary>The <c>fetch()</c> a runner page performs for this case.</summary>
    public Oracle.FetchSpec Fetch => new(Id, Url, Method, RequestHeaders, Credentials, Repeat);

    /// <summary>Everything that defines the case, so a recording can tell when the matrix changed under it.</summary>
    public string Fingerprint
    {
        get
        {
            var text = new StringBuilder();
            text.Append(Origin).Append('|').Append(Method).Append('|').Append(Credentials).Append('|').Append(Status);
            foreach (var (name, value) in RequestHeaders)
            {
                text.Append("|>").Append(name).Append(':').Append(value);
            }

            foreach (var (name, value) in ResponseLines)
            {
                text.Append("|<").Append(name).Append(':').Append(value);
            }

            if (Repeat is not null)
            {
                text.Append('|').Append(Repeat);
            }

            return text.ToString();
        }
    }

    /// <summary>The answer to the actual request: 200 with the case's lines except <c>Location</c>.</summary>
    /// <remarks>
    /// A browser sends a request it does not preflight straight away and applies the CORS check to that response;
    /// CorsProbe, which only sends the preflight, reads those headers from the preflight's answer. Echoing the case's
    /// lines on the actual response makes the two the same question. A preflighted request that got this far passed
    /// the same CORS check on the preflight, so the echo never blocks it.
    /// </remarks>
    public IReadOnlyList<KeyValuePair<string, string>> ActualResponseLines =>
        [.. ResponseLines.Where(line => !line.Key.Equals("Location", StringComparison.OrdinalIgnoreCase))];
}

namespace CorsProbing;

/// <summary>
/// The injectable face of CorsProbe (register it with <c>services.AddCorsProbe(...)</c>): probes go through CorsProbe's
/// own SSRF-guarded transport (or, after <c>AddCorsProbeHttpClient()</c>, through the <c>IHttpClientFactory</c> client
/// named <see cref="HttpClientName"/>), with the defaults of <see cref="CorsProbeOptions"/>.
/// </summary>
public interface ICorsProber
{
    /// <summary>The name of the <c>IHttpClientFactory</c> client probes use after <c>AddCorsProbeHttpClient()</c>.</summary>
    const string HttpClientName = "CorsProbe";

    /// <summary>A builder for <paramref name="url"/> with the configured origin, profile, timeout and network policy; refine it and call <see cref="CorsProbeBuilder.ProbeAsync"/>.</summary>
    /// <param name="url">An absolute http(s) URL.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http(s) URL.</exception>
    CorsProbeBuilder CreateProbe(string url);

    /// <summary>Probes <paramref name="url"/> with the configured defaults (method GET unless the builder says otherwise).</summary>
    /// <param name="url">An absolute http(s) URL.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>The report.</returns>
    Task<CorsReport> ProbeAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>Probes many builders (made with <see cref="CreateProbe"/>) within the configured concurrency limits; reports stream as they complete, one per input.</summary>
    /// <param name="probes">The probes.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The reports, in completion order.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in what they take (probes, URLs, keyed URLs), never only in the token.")]
    IAsyncEnumerable<CorsReport> ProbeManyAsync(IEnumerable<CorsProbeBuilder> probes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Probes each of <paramref name="urls"/> with the configured probe, within the configured limits, as
    /// <see cref="CorsProbe.ProbeManyAsync(CorsProbeBuilder, IEnumerable{string}, CorsBatchOptions, CancellationToken)"/>
    /// does: each result carries the input's position and text, an input that is not a URL gets a report that says so
    /// (<c>CORS020</c>, nothing sent), and the rest run.
    /// </summary>
    /// <param name="urls">The URLs as written.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>One result per input, in completion order.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in what they take (probes, URLs, keyed URLs), never only in the token.")]
    IAsyncEnumerable<CorsBatchResult<int>> ProbeManyAsync(IEnumerable<string?> urls, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="ProbeManyAsync(IEnumerable{string}, CancellationToken)"/>, each URL with a key of yours that comes back with its result.</summary>
    /// <typeparam name="TKey">Your key: an id, a row.</typeparam>
    /// <param name="urls">Each key with its URL as written.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>One result per input, in completion order.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in what they take (probes, URLs, keyed URLs), never only in the token.")]
    IAsyncEnumerable<CorsBatchResult<TKey>> ProbeManyAsync<TKey>(IEnumerable<KeyValuePair<TKey, string>> urls, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ProbeManyAsync(IEnumerable{CorsProbeBuilder}, CancellationToken)"/>, each probe with a key of yours
    /// (a row's id) that comes back with its report: the way to map reports back when two inputs probe the same URL.
    /// </summary>
    /// <typeparam name="TKey">Your key: an id, a row.</typeparam>
    /// <param name="probes">Each key with its probe (from <see cref="CreateProbe"/>).</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>One result per input, in completion order.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in what they take (probes, URLs, keyed URLs), never only in the token.")]
    IAsyncEnumerable<CorsBatchResult<TKey>> ProbeManyAsync<TKey>(IEnumerable<KeyValuePair<TKey, CorsProbeBuilder>> probes, CancellationToken cancellationToken = default);
}

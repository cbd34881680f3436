namespace CorsProbing;

/// <summary>
/// The entry point: describe the cross-origin request you need, then probe the target the way a browser would.
/// </summary>
/// <example>
/// <code>
/// CorsReport report = await CorsProbe.For("https://api.example.com/quests")
///     .WithOrigin("https://dashboard.galxe.com")
///     .RequireMethods("GET", "POST")
///     .RequireHeaders("Content-Type")
///     .ProbeAsync(cancellationToken);
/// if (!report.IsAllowed) Console.WriteLine(report);
/// </code>
/// </example>
public static class CorsProbe
{
    /// <summary>Starts describing a probe of <paramref name="url"/>, an absolute http or https URL sent exactly as given.</summary>
    /// <param name="url">The API endpoint, e.g. <c>https://api.example.com/check?address=$address</c>; a fragment is dropped.</param>
    /// <returns>A new, immutable builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="url"/> is relative, not http(s), or contains whitespace or control characters.</exception>
    public static CorsProbeBuilder For(string url)
    {
        var sent = TargetUrl.Parse(url, nameof(url));
        return new(new CorsRequirements { Url = sent, GivenUrl = TargetUrl.Given(url, sent) });
    }

    /// <summary>Starts describing a probe of <paramref name="url"/>, an absolute http or https URL sent as originally written.</summary>
    /// <param name="url">The API endpoint.</param>
    /// <returns>A new, immutable builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="url"/> is relative or not http(s).</exception>
    public static CorsProbeBuilder For(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return For(TargetUrl.AbsoluteText(url, nameof(url)));
    }

    /// <summary>
    /// The Galxe platform's check in one line: <see cref="CorsProfile.Galxe"/> with its default origin
    /// <c>https://dashboard.galxe.com</c> and its 5-second timeout.
    /// </summary>
    /// <param name="url">The customer API endpoint, sent exactly as given (placeholders included).</param>
    /// <returns>A new, immutable builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http(s) URL.</exception>
    public static CorsProbeBuilder ForGalxe(string url) => For(url).UsingProfile(CorsProfile.Galxe);

    /// <summary>The Galxe platform's check in one line; see <see cref="ForGalxe(string)"/>.</summary>
    /// <param name="url">The customer API endpoint.</param>
    /// <returns>A new, immutable builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http(s) URL.</exception>
    public static CorsProbeBuilder ForGalxe(Uri url) => For(url).UsingProfile(CorsProfile.Galxe);

    /// <summary>
    /// Probes many targets at once, within a global and a per-host concurrency limit, and streams each report as soon as
    /// it is ready (not in input order). Every input yields exactly one report: timeouts, resets and refused addresses
    /// are reports, not exceptions. Stop early by breaking out of the loop or cancelling.
    /// </summary>
    /// <param name="probes">The configured probes; enumerated once, lazily, as slots free up.</param>
    /// <param name="options">The limits; <see langword="null"/> for <see cref="CorsBatchOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops starting probes and cancels the running ones.</param>
    /// <returns>The reports, in completion order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="probes"/> or one of its elements is null.</exception>
    /// <exception cref="InvalidOperationException">A probe has no origin (see <see cref="CorsProbeBuilder.ProbeAsync"/>).</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in what they take (probes, URLs, keyed URLs), never only in the optional limits and token.")]
    public static IAsyncEnumerable<CorsReport> ProbeManyAsync(
        IEnumerable<CorsProbeBuilder> probes, CorsBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probes);
        return Batch.BatchRunner.RunAsync(probes, options ?? CorsBatchOptions.Default, cancellationToken);
    }

    /// <summary>
    /// As <see cref="ProbeManyAsync(IEnumerable{CorsProbeBuilder}, CorsBatchOptions?, CancellationToken)"/>, each probe
    /// with a key of the caller's (a row's id) that comes back with its report, so a report maps to its input even when
    /// two inputs probe the same URL from the same origin with different requirements.
    /// </summary>
    /// <typeparam name="TKey">The caller's key.</typeparam>
    /// <param name="probes">Each key with its configured probe; enumerated once, lazily, as slots free up.</param>
    /// <param name="options">The limits; <see langword="null"/> for <see cref="CorsBatchOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops starting probes and cancels the running ones.</param>
    /// <returns>One result per input, in completion order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="probes"/> or one of its probes is null.</exception>
    /// <exception cref="InvalidOperationException">A probe has no origin (see <see cref="CorsProbeBuilder.ProbeAsync"/>).</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in what they take (probes, URLs, keyed URLs), never only in the optional limits and token.")]
    public static IAsyncEnumerable<CorsBatchResult<TKey>> ProbeManyAsync<TKey>(
        IEnumerable<KeyValuePair<TKey, CorsProbeBuilder>> probes, CorsBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probes);
        return Batch.BatchRunner.RunAsync(
            probes.Select(probe => new Batch.BatchItem<TKey>(probe.Key, probe.Value?.Url.OriginalString, probe.Value ?? throw new ArgumentNullException(nameof(probes)), null)),
            options ?? CorsBatchOptions.Default,
            cancellationToken);
    }

    /// <summary>
    /// Probes each of <paramref name="urls"/> as <paramref name="template"/> describes (retargeted as
    /// <see cref="CorsProbeBuilder.ForUrl(string)"/> does), within the limits, and streams each result as it is ready:
    /// the input's position (<see cref="CorsBatchResult{TKey}.Key"/>), its text exactly as given, and its report. An
    /// input that is not an absolute http(s) URL gets a report of its own that says why (<c>CORS020</c>, verdict
    /// Unreachable, nothing sent), and the rest run; once a probe could not connect to an endpoint (no such name, refused,
    /// TLS failure, connect timeout), the batch's other probes of it are not sent, each report saying why.
    /// </summary>
    /// <param name="template">The probe every URL gets: origin, methods, headers, profile, transport, timeout.</param>
    /// <param name="urls">The URLs as written; enumerated once, lazily, as slots free up.</param>
    /// <param name="options">The limits; <see langword="null"/> for <see cref="CorsBatchOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops starting probes and cancels the running ones.</param>
    /// <returns>One result per input, in completion order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> or <paramref name="urls"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The template has no origin (see <see cref="CorsProbeBuilder.ProbeAsync"/>).</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in what they take (probes, URLs, keyed URLs), never only in the optional limits and token.")]
    public static IAsyncEnumerable<CorsBatchResult<int>> ProbeManyAsync(
        CorsProbeBuilder template, IEnumerable<string?> urls, CorsBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return ProbeManyAsync(template, urls.Select((url, index) => KeyValuePair.Create(index, url!)), options, cancellationToken);
    }

    /// <summary>
    /// As <see cref="ProbeManyAsync(CorsProbeBuilder, IEnumerable{string}, CorsBatchOptions?, CancellationToken)"/>, each URL
    /// with a key of the caller's (an id, a row) that comes back with its result, so a result maps to its input even when
    /// two inputs are the same URL.
    /// </summary>
    /// <typeparam name="TKey">The caller's key.</typeparam>
    /// <param name="template">The probe every URL gets.</param>
    /// <param name="urls">Each key with its URL as written; enumerated once, lazily.</param>
    /// <param name="options">The limits; <see langword="null"/> for <see cref="CorsBatchOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops starting probes and cancels the running ones.</param>
    /// <returns>One result per input, in completion order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> or <paramref name="urls"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The template has no origin (see <see cref="CorsProbeBuilder.ProbeAsync"/>).</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in what they take (probes, URLs, keyed URLs), never only in the optional limits and token.")]
    public static IAsyncEnumerable<CorsBatchResult<TKey>> ProbeManyAsync<TKey>(
        CorsProbeBuilder template, IEnumerable<KeyValuePair<TKey, string>> urls, CorsBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(urls);
        return Batch.BatchRunner.RunAsync(urls.Select(url => Batch.BatchItem<TKey>.Of(template, url.Key, url.Value)), options ?? CorsBatchOptions.Default, cancellationToken);
    }
}

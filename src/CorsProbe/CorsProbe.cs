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
    public static CorsProbeBuilder For(string url) => new(new CorsRequirements { Url = TargetUrl.Parse(url, nameof(url)) });

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
    public static IAsyncEnumerable<CorsReport> ProbeManyAsync(
        IEnumerable<CorsProbeBuilder> probes, CorsBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probes);
        return Batch.BatchRunner.RunAsync(probes, options ?? CorsBatchOptions.Default, cancellationToken);
    }
}

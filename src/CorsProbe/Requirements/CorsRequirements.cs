namespace CorsProbing.Requirements;

/// <summary>Everything the caller asked for; the builder's immutable state.</summary>
internal sealed record CorsRequirements
{
    /// <summary>The URL to probe, sent exactly as given.</summary>
    public required Uri Url { get; init; }

    /// <summary>The URL as the caller wrote it (a fragment kept), which reports show; <see cref="Url"/> when they read the same.</summary>
    public Uri? GivenUrl { get; init; }

    /// <summary>The serialized origin, or <see langword="null"/> to use the profile's default origin.</summary>
    public string? Origin { get; init; }

    /// <summary>Normalized, de-duplicated methods in the order first required; empty means GET.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>The author headers of the actual request.</summary>
    public IReadOnlyList<AuthorHeader> Headers
    {
        get;
        init
        {
            field = value;

            // Computed once per builder, not once per probe: a template is probed for many URLs.
            HeaderForms = HeaderForm.Of(value);
        }
    } = [];

    /// <summary>
    /// How the engines name the CORS-unsafe headers among <see cref="Headers"/>: one form when they agree, else one per
    /// distinct list, each sent as its own preflight.
    /// </summary>
    public IReadOnlyList<HeaderForm> HeaderForms { get; private init; } = HeaderForm.NoHeaders;

    /// <summary>Credentials mode "include".</summary>
    public bool Credentials { get; init; }

    /// <summary>The whole probe's timeout, or <see langword="null"/> for the profile's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The profile that decides the verdict.</summary>
    public CorsProfile Profile { get; init; } = CorsProfile.Browser;

    /// <summary>The profiles judged besides the browsers and <see cref="Profile"/>, in the order asked.</summary>
    public IReadOnlyList<CorsProfile> AlsoJudged { get; init; } = [];

    /// <summary>How remedies name the caller's settings.</summary>
    public CorsSettingNames SettingNames { get; init; } = CorsSettingNames.Builder;

    /// <summary>
    /// Why the network policy cannot be changed on this probe (it goes through a client whose handler takes its policy
    /// from elsewhere), or null when it can.
    /// </summary>
    public string? FixedNetworkPolicy { get; init; }

    /// <summary>The caller's handler, never disposed by us.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>The caller's client, never disposed by us.</summary>
    public HttpClient? Client { get; init; }

    /// <summary>Which addresses the default transport may reach.</summary>
    public NetworkPolicy NetworkPolicy { get; init; } = NetworkPolicy.PublicOnly;

    /// <summary>Whether the GET/HEAD after each preflight is sent (the actual request, or a stand-in); false for OPTIONS only.</summary>
    public bool SendsFollowUps { get; init; } = true;

    /// <summary>
    /// Whether the actual request of every required method is sent where browsers send it (unsafe methods included),
    /// instead of a stand-in GET: for an API's own test or staging environment only.
    /// </summary>
    public bool SendsActualRequests { get; init; }

    /// <summary>The body of the actual requests of methods that carry one (empty: none), when <see cref="SendsActualRequests"/>.</summary>
    public ReadOnlyMemory<byte> RequestBody { get; init; }

    /// <summary>Whether to run the security audit after the probe.</summary>
    public bool Audit { get; init; }

    /// <summary>Origins that must not be allowed: each gets a preflight, and one that is allowed fails the report.</summary>
    public IReadOnlyList<string> RejectedOrigins { get; init; } = [];

    /// <summary>Certificates the default transport trusts beyond the system's roots (test servers).</summary>
    public Safety.TrustedCertificates TrustedCertificates { get; init; } = Safety.TrustedCertificates.None;

    /// <summary>The clock for timeouts and elapsed times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The methods to probe: the required ones, or GET when none was required.</summary>
    public IReadOnlyList<string> EffectiveMethods => Methods.Count == 0 ? ["GET"] : Methods;

    /// <summary>Why <paramref name="timeout"/> cannot be a probe's timeout, or null when it can.</summary>
    public static string? TimeoutProblem(TimeSpan timeout) =>
        timeout <= TimeSpan.Zero || timeout > TimeSpan.FromHours(24) ? "The timeout must be positive and at most 24 hours." : null;

    /// <summary><paramref name="existing"/>, then each of <paramref name="values"/> as <paramref name="validate"/> returns it, in order, without repeats.</summary>
    public static System.Collections.ObjectModel.ReadOnlyCollection<string> Append(IReadOnlyList<string> existing, string[] values, Func<string, string> validate)
    {
        var combined = new List<string>(existing);
        foreach (var value in values)
        {
            var valid = validate(value);
            if (!combined.Contains(valid, StringComparer.Ordinal))
            {
                combined.Add(valid);
            }
        }

        return combined.AsReadOnly();
    }

    /// <summary><paramref name="existing"/> and then <paramref name="profiles"/>, validated, without repeats.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="profiles"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">No profile was given, or a profile of one's own is named like a built-in one.</exception>
    public static IReadOnlyList<CorsProfile> Judging(IReadOnlyList<CorsProfile> existing, CorsProfile[] profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Length == 0)
        {
            throw new ArgumentException("Give at least one profile to judge the report by.", nameof(profiles));
        }

        foreach (var profile in profiles)
        {
            ArgumentNullException.ThrowIfNull(profile, nameof(profiles));
            if (CorsProfile.NameProblem(profile) is { } problem)
            {
                throw new ArgumentException(problem, nameof(profiles));
            }
        }

        return [.. existing.Concat(profiles).Distinct()];
    }
}

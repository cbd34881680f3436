namespace CorsProbing;

/// <summary>
/// What <c>services.AddCorsProbe(...)</c> applies to every probe of the injected <see cref="ICorsProber"/>. Settable, as
/// the options pattern needs (bound from configuration, then validated once); the builders made from it are immutable.
/// </summary>
public sealed class CorsProbeOptions
{
    /// <summary>The configuration section <c>AddCorsProbe(configuration)</c> is usually given: <c>"CorsProbe"</c>.</summary>
    public const string SectionName = "CorsProbe";

    /// <summary>The origin probes come from unless a caller sets another, e.g. <c>https://dashboard.galxe.com</c>; <see langword="null"/> for the profile's default.</summary>
    public string? DefaultOrigin { get; set; }

    /// <summary>The profile that decides each report's verdict; default <see cref="CorsProfile.Browser"/>.</summary>
    public CorsProfile Profile { get; set; } = CorsProfile.Browser;

    /// <summary>
    /// Profiles every report is judged under too, such as <see cref="CorsProfile.Galxe"/> for a platform that checks
    /// customers' APIs as Galxe does (<see cref="CorsProbeBuilder.AlsoJudgeBy"/>); in configuration, their names
    /// (<c>"AlsoJudge": ["Galxe"]</c>). Empty by default: a report judges the browsers and <see cref="Profile"/>.
    /// </summary>
    public IList<CorsProfile> AlsoJudge { get; set; } = [];

    /// <summary>The timeout of each probe; <see langword="null"/> for the profile's default (10 s, Galxe 5 s).</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>How many probes <see cref="ICorsProber.ProbeManyAsync(IEnumerable{CorsProbeBuilder}, CancellationToken)"/> runs at once; default 32.</summary>
    public int MaxConcurrency { get; set; } = CorsBatchOptions.Default.MaxConcurrency;

    /// <summary>How many of those may target one host; default 4.</summary>
    public int MaxConcurrencyPerHost { get; set; } = CorsBatchOptions.Default.MaxConcurrencyPerHost;

    /// <summary>
    /// Sends only OPTIONS requests: no actual GET/HEAD and no stand-in GET after the preflights
    /// (<see cref="CorsProbeBuilder.WithoutActualRequests"/>); default <see langword="false"/>.
    /// </summary>
    public bool WithoutActualRequests { get; set; }

    /// <summary>
    /// Sends the actual request of every required method where a browser would, unsafe methods included
    /// (<see cref="CorsProbeBuilder.SendActualRequests"/>); default <see langword="false"/>. For an API's own test or
    /// staging environment only: it sends POST, PUT, DELETE… to the target. Cannot go with <see cref="WithoutActualRequests"/>.
    /// </summary>
    public bool SendActualRequests { get; set; }

    /// <summary>Lets probes reach loopback addresses (tests, a local API); default <see langword="false"/>.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Lets probes reach RFC 1918 and unique-local addresses (an intranet); default <see langword="false"/>.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The network policy these options describe.</summary>
    /// <returns><see cref="NetworkPolicy.PublicOnly"/> with the allowed opt-outs.</returns>
    public NetworkPolicy ToNetworkPolicy()
    {
        var policy = NetworkPolicy.PublicOnly;
        policy = AllowLoopback ? policy.AllowLoopback() : policy;
        return AllowPrivateNetworks ? policy.AllowPrivateNetworks() : policy;
    }
}

namespace CorsProbing;

/// <summary>
/// A set of rules that decides a verdict: whose check a report answers for. Every report judges <see cref="Browser"/>
/// and the three engines' profiles from the same exchanges, and also the profile chosen with
/// <see cref="CorsProbeBuilder.UsingProfile(CorsProfile)"/> and those asked for with
/// <see cref="CorsProbeBuilder.AlsoJudgeBy(CorsProfile[])"/> (a platform's check, such as <see cref="Galxe"/>); the chosen
/// one decides <see cref="CorsReport.Verdict"/> and the severities shown in <see cref="CorsReport.Findings"/>.
/// </summary>
/// <remarks>
/// A profile is data. Define one for another platform with the same rule vocabulary; unset rules keep the browser's.
/// Names identify profiles in reports and JSON, so give each its own.
/// <code>
/// var acme = new CorsProfile("Acme", "the Acme console")
/// {
///     DefaultOrigin = "https://console.acme.example",
///     TimeLimit = TimeSpan.FromSeconds(3),
///     AllowedPorts = [443],
///     AlwaysPreflights = true,
///     JudgesActualResponses = false,
///     RequiresListedMethods = true,
/// };
/// CorsReport report = await CorsProbe.For(url).UsingProfile(acme).ProbeAsync(cancellationToken);
/// </code>
/// </remarks>
public sealed class CorsProfile : IEquatable<CorsProfile>
{
    private readonly HashSet<string> _errors = new(StringComparer.Ordinal);

    /// <summary>The probe timeout of a profile without a <see cref="TimeLimit"/>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// What browsers decide, all of them: the call is allowed only when Chromium, Firefox and WebKit each allow it, so
    /// its verdict is the worst of <see cref="Chromium"/>, <see cref="Firefox"/> and <see cref="WebKit"/>, and findings
    /// say which engines block ("Firefox and Safari block: …"). The WHATWG Fetch CORS check and CORS-preflight rules as
    /// the engines implement them, on the preflight and on the actual response. The default profile. It has no default
    /// origin: call <see cref="CorsProbeBuilder.WithOrigin(string)"/>.
    /// </summary>
    public static CorsProfile Browser { get; } = new("Browser", "browsers");

    /// <summary>What a current Chromium (Chrome, Edge) decides: <see cref="Browser"/>'s rules with <see cref="BrowserEngine.Chromium"/>'s.</summary>
    public static CorsProfile Chromium { get; } = new("Chromium", "Chrome and Edge") { Engines = [BrowserEngine.Chromium], IsEngine = true };

    /// <summary>What a current Firefox decides: <see cref="Browser"/>'s rules with <see cref="BrowserEngine.Firefox"/>'s.</summary>
    public static CorsProfile Firefox { get; } = new("Firefox", "Firefox") { Engines = [BrowserEngine.Firefox], IsEngine = true };

    /// <summary>What a current WebKit (Safari) decides: <see cref="Browser"/>'s rules with <see cref="BrowserEngine.WebKit"/>'s.</summary>
    public static CorsProfile WebKit { get; } = new("WebKit", "Safari") { Engines = [BrowserEngine.WebKit], IsEngine = true };

    /// <summary>
    /// The check the Galxe platform documents for customer APIs: always a preflight from
    /// <c>https://dashboard.galxe.com</c> (the default origin of this profile), a 2xx status, an allowed origin,
    /// every required method <em>listed</em> in <c>Access-Control-Allow-Methods</c> (GET and POST too),
    /// <c>Access-Control-Allow-Headers</c> not checked, ports 80 and 443 only, and a 5-second time limit.
    /// </summary>
    public static CorsProfile Galxe { get; } = new("Galxe", "the Galxe platform")
    {
        DefaultOrigin = "https://dashboard.galxe.com",
        TimeLimit = TimeSpan.FromSeconds(5),
        AllowedPorts = [80, 443],
        Engines = [BrowserEngine.Chromium],
        AlwaysPreflights = true,
        JudgesActualResponses = false,
        RequiresListedMethods = true,
        ChecksAllowHeaders = false,
        AcceptsWhileBrowsersBlock = "The dashboard's Test button passes, but saving fails",
        RejectsWhileBrowsersAllow = "the dashboard's Test button fails",
    };

    /// <summary>The built-in profiles, in the order reports list them.</summary>
    internal static IReadOnlyList<CorsProfile> BuiltIn { get; } = Array.AsReadOnly([Browser, Chromium, Firefox, WebKit, Galxe]);

    /// <summary>The profiles every report judges: <see cref="Browser"/> and the three engines'.</summary>
    internal static IReadOnlyList<CorsProfile> Browsers { get; } = Array.AsReadOnly([Browser, Chromium, Firefox, WebKit]);

    /// <summary>Starts a profile with the browser's rules; set the ones that differ with an object initializer.</summary>
    /// <param name="name">A short name that identifies the profile in reports and JSON, such as <c>Acme</c>: letters, digits, <c>-</c> and <c>_</c>.</param>
    /// <param name="subject">How messages name whoever applies the check, such as <c>the Acme console</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="subject"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or holds other characters, or <paramref name="subject"/> is blank.</exception>
    public CorsProfile(string name, string subject)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"'{Printable.Escape(name)}' is not a profile name: use letters, digits, '-' and '_', such as \"Acme\".", nameof(name));
        }

        Name = name;
        Subject = subject;
        AcceptsWhileBrowsersBlock = $"The check of {subject} passes, but browsers block the call";
        RejectsWhileBrowsersAllow = $"the check of {subject} fails";
    }

    /// <summary>The name that identifies the profile in reports, JSON and configuration.</summary>
    public string Name { get; }

    /// <summary>How messages name whoever applies the check (<c>browsers</c>, <c>the Galxe platform</c>).</summary>
    public string Subject { get; }

    /// <summary>
    /// The engines whose requests and rules the check follows: a header only some engines let scripts set, or safelist, is
    /// judged in the preflight each of these would send, and the verdict is the worst of theirs. Every engine by default
    /// (<see cref="Browser"/>); <see cref="Galxe"/> follows Chromium's.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public IReadOnlyList<BrowserEngine> Engines
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var engines = BrowserEngine.All.Where(engine => value.Contains(engine)).ToArray();
            field = engines.Length > 0 ? Array.AsReadOnly(engines) : throw new ArgumentException("Give at least one engine, such as BrowserEngine.Chromium.", nameof(Engines));
            EngineSet = EngineSet.Of(engines);
        }
    } = BrowserEngine.All;

    /// <summary><see cref="Engines"/> as bits.</summary>
    internal EngineSet EngineSet { get; private init; } = EngineSet.All;

    /// <summary>Whether this is one engine's built-in profile, whose differences from <see cref="Browser"/> the findings name engine by engine.</summary>
    internal bool IsEngine { get; private init; }

    /// <summary>The origin probes come from when the caller sets none, or <see langword="null"/> when the caller must.</summary>
    /// <exception cref="ArgumentException">The value is not a serialized origin.</exception>
    public string? DefaultOrigin
    {
        get;
        init => field = value is null ? null : SerializedOrigin.Validate(value, nameof(DefaultOrigin));
    }

    /// <summary>
    /// How long the check waits for an answer: a slower preflight fails it (<c>CORS002</c>), and it is the probe's default
    /// timeout. <see langword="null"/> (browsers) for no limit beyond the probe's timeout, <see cref="DefaultTimeout"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan? TimeLimit
    {
        get;
        init => field = value is null || value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TimeLimit), value, "A time limit must be positive.");
    }

    /// <summary>The probe's default timeout under this profile: its <see cref="TimeLimit"/>, else <see cref="DefaultTimeout"/>.</summary>
    public TimeSpan Timeout => TimeLimit ?? DefaultTimeout;

    /// <summary>The only ports the check accepts (<c>CORS015</c> for another), or empty for any port.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A port is outside 1-65535.</exception>
    public IReadOnlyList<int> AllowedPorts
    {
        get;
        init => field = Array.AsReadOnly(value?.Select(port => port is >= 1 and <= 65535
            ? port
            : throw new ArgumentOutOfRangeException(nameof(AllowedPorts), port, "A port is between 1 and 65535.")).Distinct().ToArray() ?? []);
    } = [];

    /// <summary>
    /// Whether the check always sends the preflight and judges its answer, even for a request browsers send without one
    /// (GET, HEAD or POST with safelisted headers). Browsers: <see langword="false"/>.
    /// </summary>
    public bool AlwaysPreflights { get; init; }

    /// <summary>Whether the check judges the actual response (of a GET or HEAD), as browsers do. Browsers: <see langword="true"/>.</summary>
    public bool JudgesActualResponses { get; init; } = true;

    /// <summary>
    /// Whether every required method must be <em>listed</em> in <c>Access-Control-Allow-Methods</c>, GET, HEAD and POST
    /// included (<c>CORS014</c>). Browsers: <see langword="false"/>, they are CORS-safelisted.
    /// </summary>
    public bool RequiresListedMethods { get; init; }

    /// <summary>Whether <c>Access-Control-Allow-Headers</c> is checked (<c>CORS012</c>, <c>CORS013</c>). Browsers: <see langword="true"/>.</summary>
    public bool ChecksAllowHeaders { get; init; } = true;

    /// <summary>Finding codes that are errors under this profile whatever their usual severity, such as <c>CORS103</c>.</summary>
    /// <exception cref="ArgumentException">A code is not one of <see cref="CorsFindingCodes"/>' report codes (CORS0xx, CORS1xx).</exception>
    public IReadOnlyCollection<string> Errors
    {
        get => _errors;
        init => _errors = ValidCodes(value ?? []);
    }

    /// <summary>How the report opens its explanation (<c>CORS105</c>) when this check passes and browsers block the call.</summary>
    /// <exception cref="ArgumentException">The value is blank.</exception>
    public string AcceptsWhileBrowsersBlock
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Give the sentence the report opens with.", nameof(AcceptsWhileBrowsersBlock)) : value;
    }

    /// <summary>How the report names the failure (<c>CORS105</c>) when browsers allow the call and this check does not.</summary>
    /// <exception cref="ArgumentException">The value is blank.</exception>
    public string RejectsWhileBrowsersAllow
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Give the words that name the failure.", nameof(RejectsWhileBrowsersAllow)) : value;
    }

    /// <summary>Whether the check accepts a URL on <paramref name="port"/>.</summary>
    /// <param name="port">A port.</param>
    /// <returns><see langword="true"/> when <see cref="AllowedPorts"/> is empty or holds it.</returns>
    public bool AllowsPort(int port) => AllowedPorts.Count == 0 || AllowedPorts.Contains(port);

    /// <summary>Whether <paramref name="code"/> is an error under this profile whatever its usual severity.</summary>
    internal bool TreatsAsError(string code) => _errors.Contains(code);

    /// <summary>The built-in profile named <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="name">A profile name such as <c>Galxe</c>.</param>
    /// <returns>The profile, or <see langword="null"/>.</returns>
    public static CorsProfile? FindBuiltIn(string? name) =>
        BuiltIn.FirstOrDefault(profile => string.Equals(name, profile.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Why <paramref name="profile"/> cannot be chosen (a profile of one's own named like a built-in one), or null.</summary>
    internal static string? NameProblem(CorsProfile profile) =>
        FindBuiltIn(profile.Name) is { } builtIn && !ReferenceEquals(builtIn, profile)
            ? $"'{profile.Name}' is the name of the built-in CorsProfile.{builtIn.Name}; give your own profile another name."
            : null;

    /// <inheritdoc />
    public bool Equals(CorsProfile? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CorsProfile);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>The profile's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;

    // Security findings (CORS2xx) never change a verdict, so only report codes (CORS0xx, CORS1xx) can be made errors.
    private static HashSet<string> ValidCodes(IEnumerable<string> codes)
    {
        var set = new HashSet<string>(codes, StringComparer.Ordinal);
        foreach (var code in set)
        {
            if (code is not { Length: 7 } || !(code.StartsWith("CORS0", StringComparison.Ordinal) || code.StartsWith("CORS1", StringComparison.Ordinal))
                || !char.IsAsciiDigit(code[5]) || !char.IsAsciiDigit(code[6]))
            {
                throw new ArgumentException($"'{code}' is not a finding code of a report: CORS0xx or CORS1xx, see CorsFindingCodes.");
            }
        }

        return set;
    }
}

namespace CorsProbing;

/// <summary>
/// How remedies name the settings a caller can change, in the words of where the caller stands: builder calls (the
/// default, <see cref="Builder"/>), configuration keys (<see cref="Configuration"/>, which dependency injection uses),
/// a tool's flags or a form's fields (your own). A remedy says what to do about the API and, where a setting of the
/// caller's is the fix, names it in these words; set them with <see cref="CorsProbeBuilder.NamingSettingsAs"/>.
/// </summary>
/// <remarks>
/// Each value is an imperative phrase that completes a sentence, such as <c>call AllowLoopback() on the builder</c> or
/// <c>add --allow-local</c>. Data: one surface describes its own without touching any message.
/// </remarks>
public sealed record CorsSettingNames
{
    /// <summary>The builder's calls: <c>call AllowLoopback() on the builder</c>. The default.</summary>
    public static CorsSettingNames Builder { get; } = new()
    {
        Origin = "call WithOrigin(\"https://your-app.example\") with the origin of the page that calls the API",
        AllowLoopback = "call AllowLoopback() on the builder",
        AllowPrivateNetworks = "call AllowPrivateNetworks() on the builder",
        Timeout = "raise the timeout with WithTimeout(...)",
        OptionsOnly = "call WithoutActualRequests() to send only OPTIONS",
        FollowUps = "drop WithoutActualRequests()",
    };

    /// <summary>The configuration keys of <c>AddCorsProbe</c> under <paramref name="section"/>: <c>set CorsProbe:AllowLoopback to true</c>.</summary>
    /// <param name="section">The configuration section, <c>CorsProbe</c> by default.</param>
    /// <returns>The names.</returns>
    /// <exception cref="ArgumentException"><paramref name="section"/> is blank.</exception>
    public static CorsSettingNames Configuration(string section = "CorsProbe")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        return new()
        {
            Origin = $"set {section}:DefaultOrigin to the origin of the page that calls the API",
            AllowLoopback = $"set {section}:AllowLoopback to true",
            AllowPrivateNetworks = $"set {section}:AllowPrivateNetworks to true",
            Timeout = $"raise {section}:Timeout (a duration such as \"00:00:30\")",
            OptionsOnly = $"set {section}:WithoutActualRequests to true to send only OPTIONS",
            FollowUps = $"set {section}:WithoutActualRequests to false",
            SendActualRequests = $"set {section}:SendActualRequests to true (on your own test or staging API only: it sends the method itself)",
        };
    }

    /// <summary>How to send the actual requests, unsafe methods included (<see cref="CorsProbeBuilder.SendActualRequests"/>): what settles an Inconclusive verdict.</summary>
    /// <exception cref="ArgumentException">The value is blank.</exception>
    public string SendActualRequests { get; init => field = Phrase(value, nameof(SendActualRequests)); } =
        "call SendActualRequests() on the builder (on your own test or staging API only: it sends the method itself)";

    /// <summary>How to give the origin of the page that calls the API.</summary>
    /// <exception cref="ArgumentException">The value is blank.</exception>
    public required string Origin { get; init => field = Phrase(value, nameof(Origin)); }

    /// <summary>How to let the default transport reach loopback addresses.</summary>
    /// <exception cref="ArgumentException">The value is blank.</exception>
    public required string AllowLoopback { get; init => field = Phrase(value, nameof(AllowLoopback)); }

    /// <summary>How to let the default transport reach private-network addresses.</summary>
    /// <exception cref="ArgumentException">The value is blank.</exception>
    public required string AllowPrivateNetworks { get; init => field = Phrase(value, nameof(AllowPrivateNetworks)); }

    /// <summary>How to give a probe more time.</summary>
    /// <exception cref="ArgumentException">The value is blank.</exception>
    public required string Timeout { get; init => field = Phrase(value, nameof(Timeout)); }

    /// <summary>How to send only OPTIONS requests (no actual GET/HEAD, no stand-in GET).</summary>
    /// <exception cref="ArgumentException">The value is blank.</exception>
    public required string OptionsOnly { get; init => field = Phrase(value, nameof(OptionsOnly)); }

    /// <summary>How to let CorsProbe send the requests after the preflight again.</summary>
    /// <exception cref="ArgumentException">The value is blank.</exception>
    public required string FollowUps { get; init => field = Phrase(value, nameof(FollowUps)); }

    /// <summary><paramref name="phrase"/> as the start of a sentence.</summary>
    internal static string Sentence(string phrase) => char.ToUpperInvariant(phrase[0]) + phrase[1..];

    private static string Phrase(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Give the words that tell the caller what to do.", name) : value;
}

namespace CorsProbing.Evidence;

/// <summary>What every rule may read about the whole probe.</summary>
/// <param name="Url">The probed URL.</param>
/// <param name="Origin">The origin the requests came from.</param>
/// <param name="Credentials">Credentials mode "include".</param>
/// <param name="Profiles">The profiles the report judges: Browser first, the chosen one included.</param>
/// <param name="NetworkPolicy">Which addresses the default transport may reach.</param>
/// <param name="Headers">The headers the page's script sets.</param>
internal sealed record ProbeFacts(
    Uri Url, string Origin, bool Credentials, IReadOnlyList<CorsProfile> Profiles, NetworkPolicy NetworkPolicy, IReadOnlyList<Requirements.AuthorHeader> Headers)
{
    /// <summary>How remedies name the caller's settings.</summary>
    public CorsSettingNames SettingNames { get; init; } = CorsSettingNames.Builder;
}

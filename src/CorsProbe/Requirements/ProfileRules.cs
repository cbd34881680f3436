namespace CorsProbing.Requirements;

/// <summary>The settings that differ by <see cref="CorsProfile"/> on the request side.</summary>
internal static class ProfileRules
{
    /// <summary>The origin the Galxe dashboard calls customer APIs from.</summary>
    public const string GalxeOrigin = "https://dashboard.galxe.com";

    /// <summary>How long the Galxe platform waits for an API before its check fails.</summary>
    public static readonly TimeSpan GalxeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The profile's default origin, or <see langword="null"/> when the caller must give one.</summary>
    public static string? DefaultOrigin(CorsProfile profile) => profile == CorsProfile.Galxe ? GalxeOrigin : null;

    /// <summary>The profile's own timeout, or <see langword="null"/> for the library default.</summary>
    public static TimeSpan? DefaultTimeout(CorsProfile profile) => profile == CorsProfile.Galxe ? GalxeTimeout : null;

    /// <summary>True when the profile only accepts APIs on ports 80 and 443.</summary>
    public static bool RequiresStandardPort(CorsProfile profile) => profile == CorsProfile.Galxe;
}

namespace CorsProbing.Requirements;

/// <summary>Durations as messages write them.</summary>
internal static class Durations
{
    /// <summary>"1.5 s", in the invariant culture.</summary>
    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}

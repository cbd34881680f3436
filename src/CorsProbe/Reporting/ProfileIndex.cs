namespace CorsProbing.Reporting;

/// <summary>Finds a profile among those a report judged.</summary>
internal static class ProfileIndex
{
    /// <summary>The index of <paramref name="profile"/> in <paramref name="profiles"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">It is not among them.</exception>
    public static int Of(IReadOnlyList<CorsProfile> profiles, CorsProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        for (var i = 0; i < profiles.Count; i++)
        {
            if (profiles[i].Equals(profile))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(
            nameof(profile), profile.Name, $"This report did not judge the {profile.Name} profile; it judged {string.Join(", ", profiles)}. Probe with AlsoJudgeBy(...) to judge it too, or UsingProfile(...) to let it decide the verdict.");
    }
}

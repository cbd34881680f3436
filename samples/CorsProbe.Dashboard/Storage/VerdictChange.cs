using System.Globalization;

namespace CorsProbing.Dashboard.Storage;

/// <summary>
/// The one rule for verdict changes: which changes are transitions (Allowed → Denied and back; an unreachable check
/// is neither), and what an Allowed → Denied change says: the finding that changed.
/// </summary>
internal static class VerdictChange
{
    /// <summary>Whether going from <paramref name="from"/> to <paramref name="to"/> is a transition an account is told of.</summary>
    public static bool IsTransition(CorsVerdict from, CorsVerdict to) =>
        (from, to) is (CorsVerdict.Allowed, CorsVerdict.Denied) or (CorsVerdict.Denied, CorsVerdict.Allowed);

    /// <summary>
    /// The alert for a check whose verdict is <paramref name="verdict"/> after <paramref name="previous"/>, or null when
    /// it is not an Allowed → Denied change. The finding named is the first error the previous check did not have.
    /// </summary>
    public static string? Describe((CorsVerdict Verdict, IReadOnlyList<string> ErrorCodes)? previous, CorsVerdict verdict, IReadOnlyList<CorsFinding> errors, DateTimeOffset now)
    {
        if (previous is not { Verdict: CorsVerdict.Allowed } || verdict != CorsVerdict.Denied || errors.Count == 0)
        {
            return null;
        }

        var changed = errors.FirstOrDefault(e => !previous.Value.ErrorCodes.Contains(e.Code)) ?? errors[0];
        return string.Create(CultureInfo.InvariantCulture, $"Allowed → Denied at {now.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {CheckResult.Describe(changed)}");
    }
}

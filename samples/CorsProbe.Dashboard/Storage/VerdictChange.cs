using System.Globalization;

namespace CorsProbing.Dashboard.Storage;

/// <summary>What the watch says when an API that was allowed is now denied: the finding that changed.</summary>
internal static class VerdictChange
{
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
        return string.Create(CultureInfo.InvariantCulture, $"Allowed → Denied at {now.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {CheckRecorder.Describe(changed)}");
    }
}

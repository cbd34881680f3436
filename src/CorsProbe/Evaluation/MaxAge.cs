using System.Buffers;
using System.Globalization;

namespace CorsProbing.Evaluation;

/// <summary>Chromium's reading of <c>Access-Control-Max-Age</c> (services/network/cors/preflight_result.cc).</summary>
internal static class MaxAge
{
    /// <summary>Chromium's default when the header is absent or unparsable.</summary>
    public const int DefaultSeconds = 5;

    /// <summary>Chromium's cap (kMaxTimeout = 2 hours).</summary>
    public const int MaxSeconds = 7200;

    private static readonly SearchValues<char> SignsAndDigits = SearchValues.Create("+-0123456789");

    /// <summary>Classifies the header and returns the seconds Chromium would cache the preflight for.</summary>
    public static MaxAgeKind Read(HeaderField lines, out int effectiveSeconds)
    {
        effectiveSeconds = DefaultSeconds;
        if (!lines.TryGetSingle(out var value))
        {
            // Two lines join to "10, 20", which base::StringToInt64 rejects.
            return lines.IsAbsent ? MaxAgeKind.Missing : MaxAgeKind.Invalid;
        }

        // base::StringToInt64: an optional sign, then ASCII digits only, no overflow. (.NET alone would also take
        // trailing NULs.)
        if (value.ContainsAnyExcept(SignsAndDigits) || !long.TryParse(value, NumberStyles.AllowLeadingSign, NumberFormatInfo.InvariantInfo, out var seconds))
        {
            return MaxAgeKind.Invalid;
        }

        if (seconds < 0)
        {
            effectiveSeconds = 0;
            return MaxAgeKind.Negative;
        }

        if (seconds > MaxSeconds)
        {
            effectiveSeconds = MaxSeconds;
            return MaxAgeKind.Capped;
        }

        effectiveSeconds = (int)seconds;
        return MaxAgeKind.Valid;
    }
}

using System.Buffers;
using System.Globalization;

namespace CorsProbing.Evaluation;

/// <summary>
/// How the engines read <c>Access-Control-Max-Age</c> (Chromium: services/network/cors/preflight_result.cc), measured
/// against each engine's preflight cache by the conformance suite.
/// </summary>
internal static class MaxAge
{
    /// <summary>The default when the header is absent (every engine) or unparsable (Chromium, WebKit).</summary>
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

    /// <summary>The seconds <paramref name="engine"/> caches a passing preflight whose header is <paramref name="lines"/>.</summary>
    public static long SecondsIn(HeaderField lines, BrowserEngine engine)
    {
        var limit = (long)engine.MaxAgeLimit.TotalSeconds;
        var invalid = engine.DisablesCacheOnInvalidMaxAge ? 0 : (long)engine.DefaultMaxAge.TotalSeconds;
        if (lines.IsAbsent || IsEmpty(lines))
        {
            // Firefox reads an empty header as an absent one; the others find it invalid and fall back to the same default.
            return (long)engine.DefaultMaxAge.TotalSeconds;
        }

        if (!lines.TryGetSingle(out var value) || value.IsEmpty)
        {
            return invalid;
        }

        if (engine.DisablesCacheOnInvalidMaxAge)
        {
            // Digits only; a number too large for 64 bits is still a number, capped like any other.
            return value.ContainsAnyExceptInRange('0', '9') ? 0 : long.TryParse(value, NumberStyles.None, NumberFormatInfo.InvariantInfo, out var digits) ? Math.Min(digits, limit) : limit;
        }

        if (value.ContainsAnyExcept(SignsAndDigits) || !long.TryParse(value, NumberStyles.AllowLeadingSign, NumberFormatInfo.InvariantInfo, out var seconds))
        {
            return invalid;
        }

        return seconds < 0 ? 0 : Math.Min(seconds, limit);
    }

    private static bool IsEmpty(HeaderField lines)
    {
        foreach (var (_, value) in lines)
        {
            if (!HttpWhitespace.Trim(value).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }
}

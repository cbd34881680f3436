namespace CorsProbing.Evaluation;

/// <summary>Chromium's reading of <c>Access-Control-Max-Age</c> (services/network/cors/preflight_result.cc).</summary>
internal static class MaxAge
{
    /// <summary>Chromium's default when the header is absent or unparsable.</summary>
    public const int DefaultSeconds = 5;

    /// <summary>Chromium's cap (kMaxTimeout = 2 hours).</summary>
    public const int MaxSeconds = 7200;

    /// <summary>Classifies the header and returns the seconds Chromium would cache the preflight for.</summary>
    public static MaxAgeKind Read(HeaderField lines, out int effectiveSeconds)
    {
        effectiveSeconds = DefaultSeconds;
        if (!lines.TryGetSingle(out var value))
        {
            // Two lines join to "10, 20", which base::StringToInt64 rejects.
            return lines.IsAbsent ? MaxAgeKind.Missing : MaxAgeKind.Invalid;
        }

        if (!TryParseInt64(value, out var seconds))
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

    // base::StringToInt64: optional sign, then one or more ASCII digits, nothing else, no overflow.
    private static bool TryParseInt64(ReadOnlySpan<char> value, out long result)
    {
        result = 0;
        var negative = false;
        if (!value.IsEmpty && value[0] is '+' or '-')
        {
            negative = value[0] == '-';
            value = value[1..];
        }

        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            var digit = c - '0';
            if (result > (long.MaxValue - digit) / 10)
            {
                return false;
            }

            result = (result * 10) + digit;
        }

        if (negative)
        {
            result = -result;
        }

        return true;
    }
}

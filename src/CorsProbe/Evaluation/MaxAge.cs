namespace CorsProbing.Evaluation;

/// <summary>
/// How the engines read <c>Access-Control-Max-Age</c> (Chromium: services/network/cors/preflight_result.cc), measured
/// against each engine's preflight cache by the conformance suite.
/// </summary>
internal static class MaxAge
{
    /// <summary>How long <paramref name="engine"/> caches a passing preflight whose header is <paramref name="lines"/>, and why.</summary>
    public static EngineMaxAge ReadIn(HeaderValue lines, BrowserEngine engine)
    {
        var limit = (long)engine.MaxAgeLimit.TotalSeconds;
        var fallback = (long)engine.DefaultMaxAge.TotalSeconds;
        if (lines.FirstNonEmpty is null)
        {
            // Firefox reads an empty header as an absent one; the others find it invalid and fall back to the same default.
            return new(fallback, MaxAgeKind.Missing);
        }

        var invalid = new EngineMaxAge(engine.DisablesCacheOnInvalidMaxAge ? 0 : fallback, MaxAgeKind.Invalid);
        if (lines.Single is not { } single)
        {
            return invalid;
        }

        // Chromium and WebKit: an optional sign, then digits, within 64 bits. Firefox: digits only, and a number too
        // large for 64 bits is still a number, capped like any other.
        var value = single.AsSpan();
        var strict = engine.DisablesCacheOnInvalidMaxAge;
        var digits = value[0] == '-' || (!strict && value[0] == '+') ? value[1..] : value;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return invalid;
        }

        if (value[0] == '-')
        {
            return new(0, MaxAgeKind.Negative);
        }

        if (!long.TryParse(digits, NumberStyles.None, NumberFormatInfo.InvariantInfo, out var seconds))
        {
            return strict ? new(limit, MaxAgeKind.Capped) : invalid;
        }

        return seconds > limit ? new(limit, MaxAgeKind.Capped) : new(seconds, MaxAgeKind.Valid);
    }
}

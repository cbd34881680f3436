namespace CorsProbing.Evaluation;

/// <summary>What <c>Access-Control-Max-Age</c> said, as Chromium reads it.</summary>
internal enum MaxAgeKind
{
    /// <summary>A usable number within Chromium's cap.</summary>
    Valid = 0,

    /// <summary>The header is absent: Chromium caches for 5 s.</summary>
    Missing = 1,

    /// <summary>Not a 64-bit integer (garbage, fractions, two lines, overflow): Chromium caches for 5 s.</summary>
    Invalid = 2,

    /// <summary>Negative: Chromium caches for 0 s.</summary>
    Negative = 3,

    /// <summary>Above 7200: Chromium caps it at 2 hours.</summary>
    Capped = 4,
}

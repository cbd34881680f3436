namespace CorsProbing.Evaluation;

/// <summary>What <c>Access-Control-Max-Age</c> said, as one engine reads it.</summary>
internal enum MaxAgeKind
{
    /// <summary>A number within the engine's limit, taken as it is.</summary>
    Valid = 0,

    /// <summary>The header is absent or empty: the default, 5 s.</summary>
    Missing = 1,

    /// <summary>Not a number the engine reads (a fraction, junk, two values): 5 s in Chromium and WebKit, no caching in Firefox.</summary>
    Invalid = 2,

    /// <summary>Negative: not cached.</summary>
    Negative = 3,

    /// <summary>Above the engine's limit (2 hours, 24 hours, 10 minutes): the limit.</summary>
    Capped = 4,
}

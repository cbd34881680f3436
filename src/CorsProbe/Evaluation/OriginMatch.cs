namespace CorsProbing.Evaluation;

/// <summary>How <c>Access-Control-Allow-Origin</c> compared with the request's origin (Fetch "CORS check" step 2-5).</summary>
internal enum OriginMatch
{
    /// <summary>The header is absent.</summary>
    Missing = 0,

    /// <summary>Several lines, or one value holding a space or a comma (Chromium's "multiple values").</summary>
    Multiple = 1,

    /// <summary>Exactly <c>*</c>.</summary>
    Wildcard = 2,

    /// <summary>Byte for byte the origin.</summary>
    Exact = 3,

    /// <summary>One other value.</summary>
    Mismatch = 4,
}

namespace CorsProbing.Evaluation;

/// <summary>One engine's reading of <c>Access-Control-Max-Age</c>.</summary>
/// <param name="Seconds">How long the engine keeps a passing preflight; 0 when it does not cache it.</param>
/// <param name="Kind">Why: the value taken, the default, ignored, negative, or capped at the engine's limit.</param>
internal readonly record struct EngineMaxAge(long Seconds, MaxAgeKind Kind);

namespace CorsProbing;

/// <summary>
/// What the Browser verdict for one required method rests on (<see cref="CorsExchange.Evidence"/>): the responses
/// browsers judge that CorsProbe saw. A verdict that rests on <see cref="StandIn"/> is likely, never certain.
/// </summary>
[Flags]
public enum CorsEvidence
{
    /// <summary>No response browsers judge was seen: the verdict for browsers is unverified.</summary>
    None = 0,

    /// <summary>The answer to a preflight browsers send.</summary>
    Preflight = 1,

    /// <summary>The response to the actual <c>GET</c> or <c>HEAD</c>, which browsers judge too.</summary>
    ActualResponse = 2,

    /// <summary>
    /// The response to a stand-in <c>GET</c> for a method CorsProbe never sends: evidence of the CORS headers the actual
    /// responses get, not the actual response itself.
    /// </summary>
    StandIn = 4,
}

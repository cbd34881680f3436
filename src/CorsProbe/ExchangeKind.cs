namespace CorsProbing;

/// <summary>What a <see cref="CorsExchange"/> was sent for.</summary>
public enum ExchangeKind
{
    /// <summary>The <c>OPTIONS</c> request for one required method, formed as a browser forms its preflight.</summary>
    Preflight = 0,

    /// <summary>
    /// The actual <c>GET</c> or <c>HEAD</c> itself, as a browser sends it after the preflight (or without one): headers
    /// only, the body is never read.
    /// </summary>
    ActualRequest = 1,

    /// <summary>
    /// A <c>GET</c> of the same URL, with the same <c>Origin</c>, standing in for a method CorsProbe never sends (POST,
    /// PUT, PATCH, DELETE, ...): its response shows the CORS headers the server adds to the responses it sends.
    /// </summary>
    StandIn = 2,
}

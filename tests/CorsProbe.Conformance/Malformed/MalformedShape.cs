namespace CorsProbing.Conformance.Malformed;

/// <summary>Which response of a cross-origin call carries the malformed bytes.</summary>
public enum MalformedShape
{
    /// <summary>A <c>PUT</c>: the preflight's answer is malformed; the <c>PUT</c> (and CorsProbe's stand-in GET) get a correct one.</summary>
    PreflightedPut = 1,

    /// <summary>A simple <c>GET</c>: the response to the request itself is malformed (CorsProbe's <c>OPTIONS</c> gets a correct one).</summary>
    SimpleGet = 2,
}

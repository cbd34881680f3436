namespace CorsProbing.Requirements;

/// <summary>The header names CorsProbe sends and reads, in one place.</summary>
internal static class CorsHeaderNames
{
    public const string Origin = "Origin";
    public const string Accept = "Accept";
    public const string UserAgent = "User-Agent";
    public const string RequestMethod = "Access-Control-Request-Method";
    public const string RequestHeaders = "Access-Control-Request-Headers";
    public const string AllowOrigin = "Access-Control-Allow-Origin";
    public const string AllowCredentials = "Access-Control-Allow-Credentials";
    public const string AllowMethods = "Access-Control-Allow-Methods";
    public const string AllowHeaders = "Access-Control-Allow-Headers";
    public const string MaxAge = "Access-Control-Max-Age";
    public const string Vary = "Vary";
    public const string Location = "Location";
    public const string ContentType = "Content-Type";
    public const string ContentLength = "Content-Length";
}

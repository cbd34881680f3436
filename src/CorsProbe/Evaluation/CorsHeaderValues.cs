using CorsProbing.Http;

namespace CorsProbing.Evaluation;

/// <summary>The values of the headers CORS evaluation reads, found in one pass over a snapshot's lines.</summary>
internal sealed record CorsHeaderValues
{
    /// <summary>None of them.</summary>
    public static CorsHeaderValues None { get; } = new();

    /// <summary><c>Access-Control-Allow-Origin</c>.</summary>
    public HeaderValue AllowOrigin { get; private init; }

    /// <summary><c>Access-Control-Allow-Credentials</c>.</summary>
    public HeaderValue AllowCredentials { get; private init; }

    /// <summary><c>Access-Control-Allow-Methods</c>.</summary>
    public HeaderValue AllowMethods { get; private init; }

    /// <summary><c>Access-Control-Allow-Headers</c>.</summary>
    public HeaderValue AllowHeaders { get; private init; }

    /// <summary><c>Access-Control-Max-Age</c>.</summary>
    public HeaderValue MaxAge { get; private init; }

    /// <summary><c>Vary</c>.</summary>
    public HeaderValue Vary { get; private init; }

    /// <summary><c>Location</c>.</summary>
    public HeaderValue Location { get; private init; }

    /// <summary>The CORS-relevant headers of <paramref name="response"/>; header names compare case-insensitively.</summary>
    public static CorsHeaderValues Read(ResponseSnapshot response)
    {
        HeaderValue origin = default, credentials = default, methods = default, headers = default, maxAge = default, vary = default, location = default;
        foreach (var (name, value) in response.Lines)
        {
            if (Is(name, CorsHeaderNames.AllowOrigin))
            {
                origin = origin.With(value);
            }
            else if (Is(name, CorsHeaderNames.AllowCredentials))
            {
                credentials = credentials.With(value);
            }
            else if (Is(name, CorsHeaderNames.AllowMethods))
            {
                methods = methods.With(value);
            }
            else if (Is(name, CorsHeaderNames.AllowHeaders))
            {
                headers = headers.With(value);
            }
            else if (Is(name, CorsHeaderNames.MaxAge))
            {
                maxAge = maxAge.With(value);
            }
            else if (Is(name, CorsHeaderNames.Vary))
            {
                vary = vary.With(value);
            }
            else if (Is(name, CorsHeaderNames.Location))
            {
                location = location.With(value);
            }
        }

        return new CorsHeaderValues
        {
            AllowOrigin = origin,
            AllowCredentials = credentials,
            AllowMethods = methods,
            AllowHeaders = headers,
            MaxAge = maxAge,
            Vary = vary,
            Location = location,
        };
    }

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}

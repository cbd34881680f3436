using System.Text;

namespace CorsProbing.Evaluation;

/// <summary>The headers CORS evaluation reads, found in one pass over a snapshot's lines. Allocation-free.</summary>
internal readonly record struct CorsHeaderFields(
    HeaderField AllowOrigin,
    HeaderField AllowCredentials,
    HeaderField AllowMethods,
    HeaderField AllowHeaders,
    HeaderField MaxAge,
    HeaderField Vary,
    HeaderField Location)
{
    /// <summary>Finds the CORS-relevant headers of <paramref name="response"/>; header names compare case-insensitively.</summary>
    public static CorsHeaderFields Read(ResponseSnapshot response)
    {
        HeaderField allowOrigin = default, allowCredentials = default, allowMethods = default, allowHeaders = default;
        HeaderField maxAge = default, vary = default, location = default;
        var lines = response.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var name = lines[i].Key;
            if (Is(name, CorsHeaderNames.AllowOrigin))
            {
                Add(ref allowOrigin, lines, i);
            }
            else if (Is(name, CorsHeaderNames.AllowCredentials))
            {
                Add(ref allowCredentials, lines, i);
            }
            else if (Is(name, CorsHeaderNames.AllowMethods))
            {
                Add(ref allowMethods, lines, i);
            }
            else if (Is(name, CorsHeaderNames.AllowHeaders))
            {
                Add(ref allowHeaders, lines, i);
            }
            else if (Is(name, CorsHeaderNames.MaxAge))
            {
                Add(ref maxAge, lines, i);
            }
            else if (Is(name, CorsHeaderNames.Vary))
            {
                Add(ref vary, lines, i);
            }
            else if (Is(name, CorsHeaderNames.Location))
            {
                Add(ref location, lines, i);
            }
        }

        return new CorsHeaderFields(allowOrigin, allowCredentials, allowMethods, allowHeaders, maxAge, vary, location);
    }

    private static bool Is(string name, string expected) => name.Length == expected.Length && Ascii.EqualsIgnoreCase(name, expected);

    private static void Add(ref HeaderField field, KeyValuePair<string, string>[] lines, int index) =>
        field = field.IsAbsent ? new HeaderField(lines, index) : field.WithAnotherLine();
}

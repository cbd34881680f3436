namespace CorsProbing.Evaluation;

/// <summary>The headers CORS evaluation reads, found in one pass over a snapshot's lines. Allocation-free.</summary>
internal struct CorsHeaderFields
{
    public HeaderField AllowOrigin;
    public HeaderField AllowCredentials;
    public HeaderField AllowMethods;
    public HeaderField AllowHeaders;
    public HeaderField MaxAge;
    public HeaderField Vary;
    public HeaderField Location;

    /// <summary>Finds the CORS-relevant headers of <paramref name="response"/>; header names compare case-insensitively.</summary>
    public static CorsHeaderFields Read(ResponseSnapshot response)
    {
        var fields = default(CorsHeaderFields);
        var lines = response.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var name = lines[i].Key;
            ref var field = ref fields.AllowOrigin;
            if (Is(name, CorsHeaderNames.AllowCredentials))
            {
                field = ref fields.AllowCredentials;
            }
            else if (Is(name, CorsHeaderNames.AllowMethods))
            {
                field = ref fields.AllowMethods;
            }
            else if (Is(name, CorsHeaderNames.AllowHeaders))
            {
                field = ref fields.AllowHeaders;
            }
            else if (Is(name, CorsHeaderNames.MaxAge))
            {
                field = ref fields.MaxAge;
            }
            else if (Is(name, CorsHeaderNames.Vary))
            {
                field = ref fields.Vary;
            }
            else if (Is(name, CorsHeaderNames.Location))
            {
                field = ref fields.Location;
            }
            else if (!Is(name, CorsHeaderNames.AllowOrigin))
            {
                continue;
            }

            field = new HeaderField(lines, field.IsAbsent ? i : field.First, field.Count + 1);
        }

        return fields;
    }

    // .NET names the headers it knows with one shared string, so the reference check inside Equals nearly always decides.
    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}

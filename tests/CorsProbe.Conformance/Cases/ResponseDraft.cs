namespace CorsProbing.Conformance.Cases;

/// <summary>A preflight answer under construction; each list holds one entry per header line, empty when absent.</summary>
public sealed record ResponseDraft
{
    /// <summary>The status.</summary>
    public int Status { get; init; } = 204;

    /// <summary><c>Location</c> lines.</summary>
    public IReadOnlyList<string> Location { get; init; } = [];

    /// <summary><c>Access-Control-Allow-Origin</c> lines.</summary>
    public IReadOnlyList<string> AllowOrigin { get; init; } = [];

    /// <summary><c>Access-Control-Allow-Credentials</c> lines.</summary>
    public IReadOnlyList<string> AllowCredentials { get; init; } = [];

    /// <summary><c>Access-Control-Allow-Methods</c> lines.</summary>
    public IReadOnlyList<string> AllowMethods { get; init; } = [];

    /// <summary><c>Access-Control-Allow-Headers</c> lines.</summary>
    public IReadOnlyList<string> AllowHeaders { get; init; } = [];

    /// <summary><c>Access-Control-Max-Age</c> lines.</summary>
    public IReadOnlyList<string> MaxAge { get; init; } = [];

    /// <summary>How the names and values are written.</summary>
    public NameStyle Style { get; init; }

    /// <summary>The answer a correct server gives <paramref name="shape"/>.</summary>
    public static ResponseDraft CorrectFor(RequestShape shape, bool wildcardWhenAllowed)
    {
        var wildcard = wildcardWhenAllowed && !shape.Credentials;
        return new ResponseDraft
        {
            AllowOrigin = [wildcard ? "*" : shape.OriginValue],
            AllowCredentials = shape.Credentials ? ["true"] : [],
            AllowMethods = [shape.WireMethod],
            AllowHeaders = shape.UnsafeHeaderNames.Count == 0 ? [] : [string.Join(", ", shape.UnsafeHeaderNames)],
        };
    }

    /// <summary>The header lines, in a fixed order, written in <see cref="Style"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Lines()
    {
        var lines = new List<KeyValuePair<string, string>>();
        Add(lines, "Location", Location);
        Add(lines, "Access-Control-Allow-Origin", AllowOrigin);
        Add(lines, "Access-Control-Allow-Credentials", AllowCredentials);
        Add(lines, "Access-Control-Allow-Methods", AllowMethods);
        Add(lines, "Access-Control-Allow-Headers", AllowHeaders);
        Add(lines, "Access-Control-Max-Age", MaxAge);
        if (AllowOrigin.Any(value => value != "*"))
        {
            Add(lines, "Vary", ["Origin"]);
        }

        return lines;
    }

    private void Add(List<KeyValuePair<string, string>> lines, string name, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            lines.Add(Style switch
            {
                NameStyle.LowerCase => new(name.ToLowerInvariant(), value),
                NameStyle.UpperCase => new(name.ToUpperInvariant(), value),
                NameStyle.RawWhitespace => new(name, $" \t{value} \t"),
                _ => new(name, value),
            });
        }
    }
}

namespace CorsProbing.OpenApi;

/// <summary>
/// How messages name the OpenAPI settings a reader can change, so each names the fix where its reader stands: the
/// builder's calls (<see cref="Builder"/>), or a tool's flags. The probes' own settings (origin, timeout, network
/// policy) are named by <see cref="CorsSettingNames"/>, set on the template with <see cref="OpenApiProbeBuilder.ConfigureProbes"/>.
/// </summary>
public sealed record OpenApiSettingNames
{
    /// <summary>The builder's calls.</summary>
    public static OpenApiSettingNames Builder { get; } = new()
    {
        Server = "name the API's base URL with WithServer(\"https://api.example\")",
        Parameter = "give a value with WithParameter(\"{name}\", \"...\")",
        MaxDocumentSize = "raise the limit with WithMaxDocumentSize(bytes)",
    };

    /// <summary>How to name the server paths are resolved against, when the document gives none that can be used.</summary>
    public required string Server { get; init; }

    /// <summary>How to give a parameter a value; <c>{name}</c> is replaced by the parameter's name.</summary>
    public required string Parameter { get; init; }

    /// <summary>How to raise the largest document read.</summary>
    public required string MaxDocumentSize { get; init; }

    /// <summary>The fix for the parameter <paramref name="name"/>.</summary>
    internal string ParameterFor(string name) => Parameter.Replace("{name}", name, StringComparison.Ordinal);
}

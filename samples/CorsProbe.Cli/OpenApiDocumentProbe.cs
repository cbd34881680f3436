using CorsProbing.OpenApi;

namespace CorsProbing.Cli;

/// <summary>The probe <c>--openapi</c> describes: the document (a URL or a file), the flags' template for every operation, and the OpenAPI flags.</summary>
public static class OpenApiDocumentProbe
{
    // How messages name the OpenAPI settings: this tool's flags.
    private static readonly OpenApiSettingNames Flags = new()
    {
        Server = "add --server URL with the API's base URL",
        Parameter = "add --param {name}=VALUE",
        MaxDocumentSize = "raise --max-document-size BYTES",
    };

    /// <exception cref="ArgumentException">A flag's value is invalid (a --param without '=', a --server that is not an http(s) URL, a size that is not positive).</exception>
    public static OpenApiProbeBuilder Describe(
        string document, CorsProbeBuilder template, string? server, IEnumerable<string> parameters, bool requiredHeadersOnly, long? maxDocumentSize, CorsBatchOptions limits)
    {
        var probe = (Uri.TryCreate(document, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? OpenApiProbe.FromUrl(url) : OpenApiProbe.FromFile(document))
            .NamingSettingsAs(Flags)
            .ConfigureProbes(_ => template)
            .WithBatchOptions(limits);
        foreach (var parameter in parameters)
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            probe = equals > 0
                ? probe.WithParameter(parameter[..equals], parameter[(equals + 1)..])
                : throw new ArgumentException($"--param {parameter}: give NAME=VALUE, such as --param questId=42.");
        }

        if (server is not null)
        {
            probe = probe.WithServer(server);
        }

        if (maxDocumentSize is { } bytes)
        {
            probe = bytes > 0 ? probe.WithMaxDocumentSize(bytes) : throw new ArgumentException($"--max-document-size must be a positive number of bytes, not {bytes}.");
        }

        return requiredHeadersOnly ? probe.WithoutOptionalHeaders() : probe;
    }
}

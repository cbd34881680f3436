using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace CorsProbing.OpenApi;

/// <summary>
/// The base URL an operation's path is appended to: the caller's server, else the first of the operation's, its path's
/// or the document's servers (OpenAPI's order), variables replaced by their defaults, a relative URL resolved against
/// the URL the document was read from.
/// </summary>
internal static partial class ServerResolver
{
    /// <exception cref="OpenApiDocumentException">No usable server: none absolute and no document URL, or a variable without a default.</exception>
    public static (Uri Base, OpenApiRequirement Requirement) Resolve(IList<OpenApiServer>? servers, LoadedDocument loaded, Uri? callerServer, OpenApiSettingNames names)
    {
        if (callerServer is not null)
        {
            return (callerServer, new(OpenApiRequirementKind.Server, callerServer.AbsoluteUri, null, "the caller's server, instead of the document's"));
        }

        var server = servers?.FirstOrDefault();
        var written = server?.Url ?? "/";
        var url = Variable().Replace(written, match =>
        {
            var name = match.Groups[1].Value;
            return server?.Variables is { } variables && variables.TryGetValue(name, out var variable) && variable.Default is { } value
                ? value
                : throw new OpenApiDocumentException($"{loaded.Name}: server '{written}' has a variable {{{name}}} with no default; {names.Server}.");
        });

        var which = server is null ? "the document names no server, so '/'" : servers!.Count > 1 ? $"the first of its {servers.Count} servers, '{written}'" : $"its server '{written}'";
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return (absolute, new(OpenApiRequirementKind.Server, absolute.AbsoluteUri, null, which + (url != written ? ", its variables at their defaults" : "")));
        }

        if (loaded.Location is { Scheme: "http" or "https" } location && Uri.TryCreate(location, url, out var resolved))
        {
            return (resolved, new(OpenApiRequirementKind.Server, resolved.AbsoluteUri, null, $"{which}, resolved against the URL the document was read from"));
        }

        throw new OpenApiDocumentException(
            $"{loaded.Name} gives no server to resolve its paths against: {which} is not an absolute http(s) URL, and the document was not read from one; {names.Server}.");
    }

    [GeneratedRegex(@"\{([^{}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}

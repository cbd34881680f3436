namespace CorsProbing.Serialization;

/// <summary>
/// Where a report's results point in SARIF: a file (an OpenAPI document, at the operation's line) or, for a probe of a
/// URL, the URL written as a path, because code scanning takes only paths of a repository; the URL itself is the
/// logical location and a property of each result.
/// </summary>
/// <param name="ArtifactUri">The file's path, relative to the repository where it can be, or the URL's path form.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="LogicalName">The operation's id or the URL.</param>
/// <param name="FullyQualifiedName">What is probed: <c>GET /quests/{id}</c>, or the URL.</param>
/// <param name="LogicalKind">SARIF's kind of the logical location: <c>function</c> for an operation, <c>resource</c> for a URL.</param>
/// <param name="Context">What each result's message starts with (the operation and its alternative), or null.</param>
internal sealed record SarifLocation(string ArtifactUri, int? Line, string LogicalName, string FullyQualifiedName, string LogicalKind, string? Context)
{
    /// <summary>The location of a probe of <paramref name="report"/>'s URL.</summary>
    public static SarifLocation ForUrl(CorsReport report) =>
        new(PathOf(report.Url), WholeResource, report.Url.OriginalString, report.Url.OriginalString, "resource", null);

    // A URL has no lines: its findings are about the whole resource, which SARIF writes as a region from line 1.
    private const int WholeResource = 1;

    /// <summary>
    /// The URL as a relative path: host, <c>_port</c> when it has one, and path (<c>api.example.com_8443/quests</c>);
    /// scheme, query and fragment left out.
    /// </summary>
    public static string PathOf(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return "invalid-url";
        }

        var host = url.Host.Trim('[', ']').Replace(':', '_');
        var port = url.IsDefaultPort ? "" : "_" + url.Port.ToString(CultureInfo.InvariantCulture);
        return host + port + (url.AbsolutePath == "/" ? "" : url.AbsolutePath);
    }
}

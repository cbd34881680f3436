namespace CorsProbing.Requirements;

/// <summary>Validates the URL to probe and builds the <see cref="Uri"/> that is sent exactly as given.</summary>
internal static class TargetUrl
{
    private static readonly UriCreationOptions Literal = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>The text of <paramref name="url"/> as originally written, for <see cref="Parse"/>; a relative URL is refused here.</summary>
    /// <exception cref="ArgumentException"><paramref name="url"/> is relative.</exception>
    public static string AbsoluteText(Uri url, string paramName) => url.IsAbsoluteUri
        ? url.OriginalString
        : throw new ArgumentException($"'{url.OriginalString}' is not an absolute URL; give the full address, such as https://api.example.com/path.", paramName);

    /// <summary>
    /// Returns an absolute http(s) <see cref="Uri"/> whose path and query are sent exactly as written
    /// (placeholders such as <c>$address</c> or <c>{id}</c> included). A fragment is dropped, as browsers never send it.
    /// </summary>
    /// <remarks>
    /// The literal form (<see cref="UriCreationOptions.DangerousDisablePathAndQueryCanonicalization"/>) is used only when
    /// .NET's canonical form would change the path or query: some handlers, such as ASP.NET Core's TestServer, cannot
    /// read a literal <see cref="Uri"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">The URL is relative, not http(s), has no host, names port 0, carries user information, or contains whitespace or control characters.</exception>
    public static Uri Parse(string? url, string paramName)
    {
        ArgumentNullException.ThrowIfNull(url, paramName);
        foreach (var c in url)
        {
            if (c <= ' ' || c == '\u007F')
            {
                throw new ArgumentException(
                    $"'{Printable.Escape(url)}' contains whitespace or a control character; percent-encode it (%20) so the request line stays valid.",
                    paramName);
            }
        }

        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = fragment < 0 ? url : url[..fragment];
        // An absolute URL starts with its scheme. Without this check .NET on Unix reads "/quests" as a file path
        // (file:///quests), and the user would be told about a scheme they never wrote.
        if (!HasScheme(withoutFragment) || !Uri.TryCreate(withoutFragment, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"'{url}' is not an absolute URL; give the full address, such as https://api.example.com/path.", paramName);
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"'{url}' uses the scheme '{uri.Scheme}'; CORS applies to http and https URLs only.", paramName);
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{url}' has no host.", paramName);
        }

        if (uri.Port == 0)
        {
            throw new ArgumentException($"'{url}' names port 0, which no server listens on; give the API's real port (or none for 80/443).", paramName);
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException($"'{url}' contains user information; browsers refuse fetch() to URLs with credentials in them.", paramName);
        }

        return uri.PathAndQuery == PathAndQuery(withoutFragment) ? uri : new Uri(withoutFragment, in Literal);
    }

    /// <summary>
    /// <paramref name="url"/> as the caller wrote it, fragment included, for reports to show and serialize; the
    /// <paramref name="sent"/> URL itself when they read the same.
    /// </summary>
    public static Uri Given(string url, Uri sent) =>
        url.Contains('#', StringComparison.Ordinal) && Uri.TryCreate(url, UriKind.Absolute, out var given) ? given : sent;

    // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":".
    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(url[0]) && url.AsSpan(1, colon - 1).IndexOfAnyExcept(SchemeCharacters) < 0;
    }

    private static readonly System.Buffers.SearchValues<char> SchemeCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    // The path and query as written: everything after the authority; "/" when there is nothing.
    private static string PathAndQuery(string absoluteUrl)
    {
        var authorityStart = absoluteUrl.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = absoluteUrl.AsSpan(authorityStart).IndexOfAny('/', '?');
        return pathStart < 0 ? "/" : absoluteUrl[(authorityStart + pathStart)..];
    }
}

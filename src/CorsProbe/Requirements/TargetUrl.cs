namespace CorsProbing.Requirements;

/// <summary>Validates the URL to probe and builds the <see cref="Uri"/> that is sent exactly as given.</summary>
internal static class TargetUrl
{
    /// <summary>
    /// Returns an absolute http(s) <see cref="Uri"/> whose path and query are sent exactly as written
    /// (placeholders such as <c>$address</c> or <c>{id}</c> included). A fragment is dropped, as browsers never send it.
    /// </summary>
    /// <exception cref="ArgumentException">The URL is relative, not http(s), has no host, or contains whitespace or control characters.</exception>
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
        var options = new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true };
        if (!Uri.TryCreate(withoutFragment, in options, out var uri) || !uri.IsAbsoluteUri)
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

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException($"'{url}' contains user information; browsers refuse fetch() to URLs with credentials in them.", paramName);
        }

        return uri;
    }
}

namespace CorsProbing.Reporting;

/// <summary>Renders a preflight as a <c>curl</c> command line that reproduces it in a POSIX shell.</summary>
internal static class CurlCommand
{
    /// <summary>
    /// <c>curl -i -X OPTIONS --globoff --path-as-is 'URL' -H 'Name: value' ...</c>: <c>--globoff</c> keeps <c>{}</c>
    /// and <c>[]</c> literal, <c>--path-as-is</c> keeps <c>..</c> literal, every argument is single-quoted.
    /// </summary>
    public static string Render(Uri url, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var builder = new StringBuilder("curl -i -X OPTIONS --globoff --path-as-is ");
        builder.Append(ShellQuote(url.OriginalString));
        foreach (var header in headers)
        {
            // curl names itself; the User-Agent of the preflight is CorsProbe's own business.
            if (header.Key == CorsHeaderNames.UserAgent)
            {
                continue;
            }

            builder.Append(" -H ").Append(ShellQuote($"{header.Key}: {header.Value}"));
        }

        return builder.ToString();
    }

    /// <summary>Quotes <paramref name="value"/> for a POSIX shell: single quotes, each <c>'</c> written as <c>'\''</c>.</summary>
    public static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

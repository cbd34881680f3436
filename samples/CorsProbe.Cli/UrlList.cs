namespace CorsProbing.Cli;

/// <summary>The URLs of <c>--input</c>: one per line, from a file or standard input (<c>-</c>); blank lines and <c>#</c> comments skipped.</summary>
public static class UrlList
{
    public static async Task<IReadOnlyList<(int Line, string Url)>> ReadAsync(string source, TextReader standardInput, CancellationToken cancellationToken)
    {
        using var owned = source == "-" ? null : new StreamReader(source);
        var reader = owned ?? standardInput;
        var urls = new List<(int, string)>();
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            var url = line.Trim();
            if (url.Length > 0 && !url.StartsWith('#'))
            {
                urls.Add((number, url));
            }
        }

        return urls;
    }
}

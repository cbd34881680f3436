namespace CorsProbing.Reporting;

/// <summary>Copies a response's raw header lines into an immutable list for the report.</summary>
internal static class ResponseSnapshot
{
    public static IReadOnlyList<KeyValuePair<string, string>> HeaderLines(HttpResponseMessage response)
    {
        var count = 0;
        foreach (var header in response.Headers.NonValidated)
        {
            count += header.Value.Count;
        }

        foreach (var header in response.Content.Headers.NonValidated)
        {
            count += header.Value.Count;
        }

        if (count == 0)
        {
            return [];
        }

        var lines = new KeyValuePair<string, string>[count];
        var next = Copy(response.Headers.NonValidated, lines, 0);
        Copy(response.Content.Headers.NonValidated, lines, next);
        return Array.AsReadOnly(lines);
    }

    private static int Copy(System.Net.Http.Headers.HttpHeadersNonValidated headers, KeyValuePair<string, string>[] lines, int next)
    {
        foreach (var header in headers)
        {
            foreach (var value in header.Value)
            {
                lines[next++] = new(header.Key, value);
            }
        }

        return next;
    }
}

namespace CorsProbing.Reporting;

/// <summary>Copies a response's raw header lines into an immutable list for the report.</summary>
internal static class ResponseSnapshot
{
    public static IReadOnlyList<KeyValuePair<string, string>> HeaderLines(HttpResponseMessage response)
    {
        var lines = new List<KeyValuePair<string, string>>();
        foreach (var header in response.Headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                lines.Add(new(header.Key, value));
            }
        }

        foreach (var header in response.Content.Headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                lines.Add(new(header.Key, value));
            }
        }

        return lines.AsReadOnly();
    }
}

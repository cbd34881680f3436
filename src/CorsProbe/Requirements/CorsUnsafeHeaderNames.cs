namespace CorsProbing.Requirements;

/// <summary>
/// Fetch "CORS-unsafe request-header names" (Chromium: cors_util.cc) as each engine computes them: the
/// names a preflight must announce in <c>Access-Control-Request-Headers</c> and the response must allow.
/// </summary>
internal static class CorsUnsafeHeaderNames
{
    /// <summary>Safelisted values adding up to more than this many bytes make every safelisted header unsafe.</summary>
    public const int MaxSafelistedTotalLength = 1024;

    /// <summary>
    /// The unsafe names of the headers <paramref name="engine"/> sends (it drops those it forbids), lower-cased and sorted
    /// by byte value; unique unless the engine repeats a name set twice.
    /// </summary>
    public static string[] Compute(IReadOnlyList<AuthorHeader> headers, BrowserEngine engine)
    {
        if (headers.Count == 0)
        {
            return [];
        }

        var sent = Sent(headers, engine);
        var names = new List<string>(sent.Count);
        var safelistedLength = 0;
        var anySafelisted = false;
        for (var i = 0; i < sent.Count; i++)
        {
            var header = sent[i];
            if (header.Value is null || !SafelistedRequestHeaders.IsSafelisted(header.Name, ValueJudged(sent, header, engine), engine))
            {
                names.Add(header.Name.ToLowerInvariant());
            }
            else
            {
                anySafelisted = true;
                safelistedLength += header.Value.Length;
            }
        }

        // Past 1024 bytes of safelisted values, every header is unsafe.
        if (engine.LimitsSafelistedTotal && anySafelisted && safelistedLength > MaxSafelistedTotalLength)
        {
            names.Clear();
            names.AddRange(sent.Select(header => header.Name.ToLowerInvariant()));
        }

        // "Convert header names to a sorted-lowercase set": byte-lower-case, unique, byte order.
        names.Sort(StringComparer.Ordinal);
        if (engine.RemovesDuplicateNames)
        {
            // Sorted, so a repeated name is next to its first. Every builder computes this for each engine, so no set.
            for (var i = names.Count - 1; i > 0; i--)
            {
                if (names[i] == names[i - 1])
                {
                    names.RemoveAt(i);
                }
            }
        }
        return [.. names];
    }

    /// <summary>The headers <paramref name="engine"/> puts on the request: all but those it forbids scripts to set.</summary>
    public static IReadOnlyList<AuthorHeader> Sent(IReadOnlyList<AuthorHeader> headers, BrowserEngine engine)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (ForbiddenRequestHeaders.DroppedBy(headers[i].Name).Contains(engine))
            {
                return Without(headers, engine);
            }
        }

        return headers;
    }

    private static AuthorHeader[] Without(IReadOnlyList<AuthorHeader> headers, BrowserEngine dropping) =>
        [.. headers.Where(h => !ForbiddenRequestHeaders.DroppedBy(h.Name).Contains(dropping))];

    // Engines that limit the joined value judge "a, b" for a name set twice; Firefox judges each value as set.
    private static string ValueJudged(IReadOnlyList<AuthorHeader> sent, AuthorHeader header, BrowserEngine engine)
    {
        if (!engine.LimitsJoinedValues)
        {
            return header.Value!;
        }

        string? joined = null;
        foreach (var other in sent)
        {
            if (other.Value is not null && other.Name.Equals(header.Name, StringComparison.OrdinalIgnoreCase))
            {
                joined = joined is null ? other.Value : $"{joined}, {other.Value}";
            }
        }

        return joined ?? header.Value!;
    }
}

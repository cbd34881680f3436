namespace CorsProbing.Requirements;

/// <summary>
/// Fetch "CORS-unsafe request-header names" (F l.1111-1140; Chromium cors_util.cc): the names a preflight must
/// announce in <c>Access-Control-Request-Headers</c> and the response must allow.
/// </summary>
internal static class CorsUnsafeHeaderNames
{
    /// <summary>Safelisted values adding up to more than this many bytes make every safelisted header unsafe.</summary>
    public const int MaxSafelistedTotalLength = 1024;

    /// <summary>Returns the unsafe names lower-cased, de-duplicated and sorted by byte value.</summary>
    public static string[] Compute(IReadOnlyList<AuthorHeader> headers)
    {
        var unsafeNames = new List<string>();
        var potentiallyUnsafe = new List<string>();
        var safelistedLength = 0;

        foreach (var header in headers)
        {
            if (header.Value is null || !SafelistedRequestHeaders.IsSafelisted(header.Name, header.Value))
            {
                unsafeNames.Add(header.Name);
            }
            else
            {
                potentiallyUnsafe.Add(header.Name);
                safelistedLength += header.Value.Length;
            }
        }

        if (safelistedLength > MaxSafelistedTotalLength)
        {
            unsafeNames.AddRange(potentiallyUnsafe);
        }

        // "Convert header names to a sorted-lowercase set": byte-lower-case, unique, byte order.
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in unsafeNames)
        {
            set.Add(name.ToLowerInvariant());
        }

        return [.. set];
    }
}

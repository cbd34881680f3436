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
        if (headers.Count == 0)
        {
            return [];
        }

        var names = new string[headers.Count];
        var count = 0;
        var safelistedLength = 0;
        var anySafelisted = false;
        foreach (var header in headers)
        {
            if (header.Value is null || !SafelistedRequestHeaders.IsSafelisted(header.Name, header.Value))
            {
                names[count++] = header.Name.ToLowerInvariant();
            }
            else
            {
                anySafelisted = true;
                safelistedLength += header.Value.Length;
            }
        }

        // Past 1024 bytes of safelisted values, every header is unsafe.
        if (anySafelisted && safelistedLength > MaxSafelistedTotalLength)
        {
            count = 0;
            foreach (var header in headers)
            {
                names[count++] = header.Name.ToLowerInvariant();
            }
        }

        // "Convert header names to a sorted-lowercase set": byte-lower-case, unique, byte order.
        Array.Sort(names, 0, count, StringComparer.Ordinal);
        var unique = 0;
        for (var i = 0; i < count; i++)
        {
            if (unique == 0 || names[i] != names[unique - 1])
            {
                names[unique++] = names[i];
            }
        }

        return unique == names.Length ? names : names[..unique];
    }
}

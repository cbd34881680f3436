namespace CorsProbing.Requirements;

/// <summary>
/// Fetch "CORS-safelisted request-header" by name <em>and</em> value, as each engine applies it: Chromium adds its
/// client hints (services/network/public/cpp/cors/cors.cc IsCorsSafelistedHeader); WebKit reads a <c>Range</c> unit in
/// any case.
/// </summary>
internal static class SafelistedRequestHeaders
{
    /// <summary>Values longer than this many bytes are never safelisted.</summary>
    public const int MaxValueLength = 128;

    // Fetch "CORS-unsafe request-header byte": 0x00-0x08, 0x0A-0x1F, "():<>?@[\]{} and 0x7F. TAB is allowed.
    private static readonly SearchValues<char> UnsafeBytes = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\"():<>?@[\\]{}\u007F");

    private static readonly SearchValues<char> LanguageChars =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz *,-.;=");

    private static readonly string[] SafelistedContentTypes =
        ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

    private static readonly string[] EffectiveConnectionTypes = ["slow-2g", "2g", "3g", "4g"];

    /// <summary>True when the header (name, value) is CORS-safelisted in <paramref name="engine"/>.</summary>
    public static bool IsSafelisted(string name, string value, BrowserEngine engine)
    {
        if (value.Length > MaxValueLength)
        {
            return false;
        }

        var span = value.AsSpan();
        return name.ToUpperInvariant() switch
        {
            "ACCEPT" => !span.ContainsAny(UnsafeBytes),
            "ACCEPT-LANGUAGE" or "CONTENT-LANGUAGE" => !span.ContainsAnyExcept(LanguageChars),
            "CONTENT-TYPE" => IsSafelistedContentType(span),
            "RANGE" => IsSimpleRange(span, engine.RangeUnitIgnoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal),
            // Chromium only (docs/cors-rules.md, "Where the engines differ from the standard, and why CorsProbe follows them"): client-hint-like headers.
            "SAVE-DATA" => engine.SafelistsClientHints && span.Equals("on", StringComparison.OrdinalIgnoreCase),
            "DPR" or "DEVICE-MEMORY" or "DOWNLINK" => engine.SafelistsClientHints && IsDecimal(span),
            "WIDTH" or "VIEWPORT-WIDTH" or "RTT" => engine.SafelistsClientHints && IsDigits(span),
            "ECT" => engine.SafelistsClientHints && Array.IndexOf(EffectiveConnectionTypes, value) >= 0,
            "INTERVENTION" => engine.SafelistsClientHints,
            _ => false,
        };
    }

    private static bool IsSafelistedContentType(ReadOnlySpan<char> value)
    {
        if (value.ContainsAny(UnsafeBytes) || !MimeTypeEssence.TryParse(value, out var type, out var subtype))
        {
            return false;
        }

        foreach (var allowed in SafelistedContentTypes)
        {
            var slash = allowed.IndexOf('/', StringComparison.Ordinal);
            if (type.Equals(allowed.AsSpan(0, slash), StringComparison.OrdinalIgnoreCase)
                && subtype.Equals(allowed.AsSpan(slash + 1), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Fetch "parse a single range header value" with allowWhitespace false: bytes=N- or bytes=N-M, N <= M.
    private static bool IsSimpleRange(ReadOnlySpan<char> value, StringComparison unit)
    {
        const string prefix = "bytes=";
        if (!value.StartsWith(prefix, unit))
        {
            return false;
        }

        var rest = value[prefix.Length..];
        var dash = rest.IndexOf('-');
        if (dash <= 0 || !IsDigits(rest[..dash]))
        {
            return false;
        }

        var end = rest[(dash + 1)..];
        return end.IsEmpty || (IsDigits(end) && CompareDigits(rest[..dash], end) <= 0);
    }

    private static int CompareDigits(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        left = left.TrimStart('0');
        right = right.TrimStart('0');
        return left.Length != right.Length ? left.Length.CompareTo(right.Length) : left.SequenceCompareTo(right);
    }

    private static bool IsDigits(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExceptInRange('0', '9');

    private static bool IsDecimal(ReadOnlySpan<char> value)
    {
        var dot = value.IndexOf('.');
        return dot < 0 ? IsDigits(value) : IsDigits(value[..dot]) && IsDigits(value[(dot + 1)..]);
    }
}

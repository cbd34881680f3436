namespace CorsProbing.Requirements;

/// <summary>
/// Fetch "forbidden request-header" (which <c>Headers</c> drops silently) as every engine applies it, and the one
/// name only some engines forbid: <c>User-Agent</c>, which Chromium drops (net/http/http_util.cc kForbiddenHeaderFields)
/// and Firefox and WebKit send.
/// </summary>
internal static class ForbiddenRequestHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept-Charset", "Accept-Encoding", "Access-Control-Request-Headers", "Access-Control-Request-Method",
        "Connection", "Content-Length", "Cookie", "Cookie2", "Date", "DNT",
        "Expect", "Host", "Keep-Alive", "Origin", "Referer", "Set-Cookie", "TE", "Trailer", "Transfer-Encoding",
        "Upgrade", "Via",
    };

    private static readonly string[] MethodOverrideNames = ["X-HTTP-Method", "X-HTTP-Method-Override", "X-Method-Override"];

    /// <summary>The engines that drop a header named <paramref name="name"/> that every engine lets scripts set otherwise.</summary>
    public static EngineSet DroppedBy(string name) =>
        name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)
            ? EngineSet.Of(BrowserEngine.All.Where(engine => engine.ForbidsUserAgent))
            : EngineSet.None;

    /// <summary>Why every engine forbids a header name, or <see langword="null"/> when one lets scripts set it (its value unknown).</summary>
    public static string? ReasonForName(string name)
    {
        if (Names.Contains(name))
        {
            return $"'{name}' is a forbidden request-header: browsers set it themselves and drop it from fetch() calls";
        }

        if (name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Sec-", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{name}' is a forbidden request-header: names starting with Proxy- or Sec- are reserved for browsers";
        }

        return null;
    }

    /// <summary>Why every engine forbids a header (name and value), or <see langword="null"/> when one lets scripts set it.</summary>
    public static string? ReasonForHeader(string name, string value)
    {
        var reason = ReasonForName(name);
        if (reason is not null)
        {
            return reason;
        }

        foreach (var overrideName in MethodOverrideNames)
        {
            if (!string.Equals(name, overrideName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Fetch: forbidden when one of the comma-separated values is a forbidden method.
            foreach (var item in value.Split(','))
            {
                if (HttpMethods.IsForbidden(HttpWhitespace.Trim(item.AsSpan())))
                {
                    return $"'{name}: {value}' is a forbidden request-header: it names a forbidden method";
                }
            }
        }

        return null;
    }
}

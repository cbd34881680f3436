namespace CorsProbing.Requirements;

/// <summary>Validates an origin given by the caller: the form a browser sends in the <c>Origin</c> header.</summary>
internal static class SerializedOrigin
{
    private static readonly System.Buffers.SearchValues<char> SchemeChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789+-.");

    /// <summary>The serialization of an opaque origin (sandboxed iframes, <c>data:</c> URLs, redirect-tainted requests).</summary>
    public const string Opaque = "null";

    /// <summary>Returns <paramref name="origin"/> when it is a serialized origin; throws otherwise.</summary>
    /// <exception cref="ArgumentException">The value is not <c>scheme://host[:port]</c> as a browser serializes it, nor <c>null</c>.</exception>
    public static string Validate(string? origin, string paramName)
    {
        ArgumentNullException.ThrowIfNull(origin, paramName);
        return Problem(origin) is { } problem ? throw new ArgumentException(problem, paramName) : origin;
    }

    /// <summary>Why <paramref name="origin"/> is not a serialized origin, or null when it is one.</summary>
    public static string? Problem(string origin) =>
        origin == Opaque || FindProblem(origin) is not { } problem
            ? null
            : $"'{Printable.Escape(origin)}' is not a serialized origin: {problem}. An origin is \"scheme://host[:port]\" exactly as a browser sends it in the Origin header (lower-case, no path, no trailing slash, no default port), or \"null\".";

    private static string? FindProblem(string origin)
    {
        if (origin.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            return "it contains whitespace, a control character or a non-ASCII character (use the punycode form of international host names)";
        }

        var separator = origin.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return "it has no \"scheme://\"";
        }

        var scheme = origin.AsSpan(0, separator);
        if (!char.IsAsciiLetterLower(scheme[0]) || scheme.ContainsAnyExcept(SchemeChars))
        {
            return "the scheme must be lower-case letters, digits, '+', '-' or '.'";
        }

        var authority = origin.AsSpan(separator + 3);
        if (authority.IsEmpty)
        {
            return "it has no host";
        }

        if (authority.IndexOfAny("/?#") >= 0)
        {
            return authority.IndexOfAny("?#") >= 0 ? "it has a query or fragment" : "it has a path or a trailing slash";
        }

        if (authority.Contains('@'))
        {
            return "it has user information";
        }

        return ValidateHostAndPort(scheme, authority);
    }

    private static string? ValidateHostAndPort(ReadOnlySpan<char> scheme, ReadOnlySpan<char> authority)
    {
        // The port follows the last ':' that is not inside an IPv6 literal's brackets.
        var close = authority.LastIndexOf(']');
        if (authority[0] == '[' && close < 0)
        {
            return "the IPv6 address has no closing ']'";
        }

        var colon = authority.LastIndexOf(':');
        colon = colon > close ? colon : -1;
        if (close >= 0 && close + 1 < authority.Length && colon != close + 1)
        {
            return "unexpected characters after the IPv6 address";
        }

        var host = colon < 0 ? authority : authority[..colon];
        var port = colon < 0 ? default : authority[(colon + 1)..];
        if (colon >= 0 && port.IsEmpty)
        {
            return "the port is empty";
        }

        if (host.IsEmpty)
        {
            return "it has no host";
        }

        if (host.ContainsAnyInRange('A', 'Z'))
        {
            return "the host must be lower-case, as browsers serialize it";
        }

        if (!port.IsEmpty)
        {
            if (port.ContainsAnyExceptInRange('0', '9') || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                return "the port must be a number from 1 to 65535";
            }

            if ((scheme is "https" && number == 443) || (scheme is "http" && number == 80))
            {
                return $"browsers omit the default port {number} for {scheme.ToString()}";
            }

            if (port[0] == '0')
            {
                return "the port has a leading zero";
            }
        }

        return null;
    }
}

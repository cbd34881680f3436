namespace CorsProbing.Requirements;

/// <summary>
/// A header the page's script sets on the actual request. <see cref="Value"/> is <see langword="null"/> when the
/// caller named the header without a value (<see cref="CorsProbeBuilder.RequireHeaders(string[])"/>): such a
/// header is always treated as CORS-unsafe.
/// </summary>
internal sealed record AuthorHeader(string Name, string? Value)
{
    /// <summary>A header named without a value, validated as <c>fetch()</c> would take it.</summary>
    /// <exception cref="ArgumentException">The name is not a token, or no script may set it.</exception>
    public static AuthorHeader Named(string? name, string paramName)
    {
        ValidateName(name, paramName);
        return ForbiddenRequestHeaders.ReasonForName(name) is { } reason
            ? throw new ArgumentException(reason + "; remove it from the requirements.", paramName)
            : new(name, null);
    }

    /// <summary>
    /// A header with its value, which <c>fetch()</c> normalizes by removing leading and trailing HTTP whitespace and
    /// rejects when it holds CR, LF, NUL or a character above U+00FF.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is not a token, the value is not a byte string, or no script may set the header.</exception>
    public static AuthorHeader WithValue(string? name, string? value)
    {
        ValidateName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(value);
        var normalized = value.AsSpan().Trim(HttpWhitespace.Fetch).ToString();
        if (normalized.AsSpan().IndexOfAny("\r\n\0") >= 0 || normalized.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF'))
        {
            throw new ArgumentException($"The value of '{name}' contains CR, LF, NUL or a character above U+00FF; fetch() rejects such header values.", nameof(value));
        }

        return ForbiddenRequestHeaders.ReasonForHeader(name, normalized) is { } reason
            ? throw new ArgumentException(reason + "; remove it from the requirements.", nameof(name))
            : new(name, normalized);
    }

    private static void ValidateName([System.Diagnostics.CodeAnalysis.NotNull] string? name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (!HttpToken.IsToken(name))
        {
            throw new ArgumentException($"'{Printable.Escape(name)}' is not a valid header name: a name is a token (letters, digits and !#$%&'*+-.^_`|~).", paramName);
        }
    }
}

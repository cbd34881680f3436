namespace CorsProbing.Http;

/// <summary>
/// How the body after a response head ends, as far as the connection's reuse is concerned: a length to skip, chunks to
/// skip, or nothing that lets the connection carry another request (the body runs to the connection's close, the
/// framing is ambiguous, or it is larger than a probe is willing to read).
/// </summary>
/// <param name="Length">The bytes to skip when the body has a <c>Content-Length</c>.</param>
/// <param name="Chunked">The body is chunked.</param>
/// <param name="Reusable">The connection can carry another request once the body is skipped.</param>
internal readonly record struct BodyFraming(long Length, bool Chunked, bool Reusable)
{
    /// <summary>The most body bytes skipped to keep a connection; a larger body closes it instead.</summary>
    public const int MaxSkippedBytes = 64 * 1024;

    private static readonly BodyFraming Close = new(0, false, false);

    /// <summary>
    /// The body length a preflight's reader waits for, as libsoup reads it: the last <c>Content-Length</c> value, taken as
    /// <c>strtoull</c> takes it (a sign allowed, <c>-1</c> and values past 64 bits are as large as can be); null when the
    /// status has no body, the body is chunked, or there is no length.
    /// </summary>
    public static long? AnnouncedLength(ResponseSnapshot response)
    {
        if (response.Status is < 200 or 204 or 304)
        {
            return null;
        }

        string? length = null;
        foreach (var (name, value) in response.Lines)
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            length = name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ? value : length;
        }

        var digits = length?.TrimStart('+');
        return digits is null ? null
            : digits.StartsWith('-') || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? long.MaxValue
            : bytes;
    }

    /// <summary>
    /// The framing of <paramref name="response"/>, an HTTP/1.1 head when <paramref name="http11"/>, answering a request
    /// that was a HEAD when <paramref name="headRequest"/> (RFC 9112, "Message Body Length").
    /// </summary>
    public static BodyFraming Of(ResponseSnapshot response, bool headRequest, bool http11)
    {
        if (!http11)
        {
            return Close;
        }

        string? length = null;
        var transferEncodings = 0;
        string? transferEncoding = null;
        foreach (var (name, value) in response.Lines)
        {
            if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase) && value.Contains("close", StringComparison.OrdinalIgnoreCase))
            {
                return Close;
            }

            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (length is not null && length != value)
                {
                    return Close;
                }

                length = value;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                transferEncodings++;
                transferEncoding = value;
            }
        }

        if (headRequest || response.Status is 204 or 304)
        {
            return new(0, false, true);
        }

        if (transferEncodings > 0)
        {
            return transferEncodings == 1 && length is null && transferEncoding!.Equals("chunked", StringComparison.OrdinalIgnoreCase) ? new(0, true, true) : Close;
        }

        return long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes <= MaxSkippedBytes
            ? new(bytes, false, true)
            : Close;
    }
}

namespace CorsProbing.Http;

/// <summary>
/// The bytes of a request head as browsers put it on an HTTP/1.1 connection: the request line with the path and query
/// as written (characters beyond ASCII percent-encoded as UTF-8, as the URL parser does), <c>Host</c> first, then the
/// plan's lines in order, each value as ISO-8859-1 bytes (header values are byte strings in Fetch).
/// </summary>
internal static class RequestHead
{
    /// <summary>
    /// Writes the head of <paramref name="request"/> at the start of <paramref name="buffer"/>, replaced by a larger one
    /// when it does not fit, and returns its length.
    /// </summary>
    public static int Format(ProbeRequest request, ref byte[] buffer)
    {
        var url = request.Url;
        var target = Target(url.PathAndQuery);
        var ipv6 = url.HostNameType == UriHostNameType.IPv6;
        var host = ipv6 ? url.DnsSafeHost : url.IdnHost;
        var length = request.Method.Length + 1 + target.Length + " HTTP/1.1\r\nHost: ".Length + host.Length + "[]:65535\r\n\r\n".Length;
        var headers = request.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            length += headers[i].Key.Length + 2 + headers[i].Value.Length + 2;
        }

        if (buffer.Length < length)
        {
            buffer = new byte[length];
        }

        var written = 0;
        Write(buffer, ref written, request.Method);
        Write(buffer, ref written, " ");
        Write(buffer, ref written, target);
        Write(buffer, ref written, " HTTP/1.1\r\nHost: ");
        Write(buffer, ref written, ipv6 ? $"[{host}]" : host);
        if (!url.IsDefaultPort)
        {
            buffer[written++] = (byte)':';
            url.Port.TryFormat(buffer.AsSpan(written), out var digits, default, CultureInfo.InvariantCulture);
            written += digits;
        }

        Write(buffer, ref written, "\r\n");
        for (var i = 0; i < headers.Count; i++)
        {
            Write(buffer, ref written, headers[i].Key);
            Write(buffer, ref written, ": ");
            Write(buffer, ref written, headers[i].Value);
            Write(buffer, ref written, "\r\n");
        }

        Write(buffer, ref written, "\r\n");
        return written;
    }

    private static void Write(byte[] bytes, ref int written, string text) => written += Encoding.Latin1.GetBytes(text, bytes.AsSpan(written));

    // The path and query as written, with anything beyond ASCII percent-encoded as UTF-8.
    private static string Target(string target)
    {
        if (target.Length == 0)
        {
            return "/";
        }

        if (Ascii.IsValid(target))
        {
            return target;
        }

        var text = new StringBuilder(target.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in target.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                text.Append((char)rune.Value);
                continue;
            }

            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}

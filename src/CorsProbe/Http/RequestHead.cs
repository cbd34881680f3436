using System.Globalization;
using System.Text;

namespace CorsProbing.Http;

/// <summary>
/// The bytes of a request head as browsers put it on an HTTP/1.1 connection: the request line with the path and query
/// as written (characters beyond ASCII percent-encoded as UTF-8, as the URL parser does), <c>Host</c> first, then the
/// plan's lines in order, each value as ISO-8859-1 bytes (header values are byte strings in Fetch).
/// </summary>
internal static class RequestHead
{
    /// <summary>The head of <paramref name="request"/>, ready to write.</summary>
    public static byte[] Format(ProbeRequest request)
    {
        var url = request.Url;
        var target = Target(url.PathAndQuery);
        var host = HostHeader(url);
        var length = request.Method.Length + 1 + target.Length + " HTTP/1.1\r\nHost: ".Length + host.Length + 4;
        var headers = request.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            length += headers[i].Key.Length + 2 + headers[i].Value.Length + 2;
        }

        var bytes = new byte[length];
        var written = 0;
        Write(bytes, ref written, request.Method);
        Write(bytes, ref written, " ");
        Write(bytes, ref written, target);
        Write(bytes, ref written, " HTTP/1.1\r\nHost: ");
        Write(bytes, ref written, host);
        Write(bytes, ref written, "\r\n");
        for (var i = 0; i < headers.Count; i++)
        {
            Write(bytes, ref written, headers[i].Key);
            Write(bytes, ref written, ": ");
            Write(bytes, ref written, headers[i].Value);
            Write(bytes, ref written, "\r\n");
        }

        Write(bytes, ref written, "\r\n");
        return bytes;
    }

    /// <summary>The <c>Host</c> value: the host as sent in DNS (IDN in its ASCII form, IPv6 in brackets) and the port unless it is the scheme's default.</summary>
    public static string HostHeader(Uri url)
    {
        var host = url.HostNameType == UriHostNameType.IPv6 ? $"[{url.DnsSafeHost}]" : url.IdnHost;
        return url.IsDefaultPort ? host : host + ":" + url.Port.ToString(CultureInfo.InvariantCulture);
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

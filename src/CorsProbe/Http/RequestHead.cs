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
        var text = new StringBuilder(256)
            .Append(request.Method).Append(' ');
        AppendTarget(text, url.PathAndQuery);
        text.Append(" HTTP/1.1\r\nHost: ").Append(HostHeader(url)).Append("\r\n");
        foreach (var (name, value) in request.Headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(text.Append("\r\n").ToString());
    }

    /// <summary>The <c>Host</c> value: the host as sent in DNS (IDN in its ASCII form, IPv6 in brackets) and the port unless it is the scheme's default.</summary>
    public static string HostHeader(Uri url)
    {
        var host = url.HostNameType == UriHostNameType.IPv6 ? $"[{url.DnsSafeHost}]" : url.IdnHost;
        return url.IsDefaultPort ? host : host + ":" + url.Port.ToString(CultureInfo.InvariantCulture);
    }

    private static void AppendTarget(StringBuilder text, string target)
    {
        if (target.Length == 0)
        {
            text.Append('/');
            return;
        }

        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in target.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                text.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
    }
}

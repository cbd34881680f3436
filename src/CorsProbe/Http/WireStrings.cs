using System.Text;

namespace CorsProbing.Http;

/// <summary>
/// The strings of a response head read from its bytes. Most heads repeat the same names, and a batch against one API
/// the same values, so a common header name is one shared string (as .NET's own parser does), and the last value seen
/// for each common name, or the last reason phrase, is reused when the bytes are the same. Safe across threads: a race
/// only costs a string.
/// </summary>
internal static class WireStrings
{
    // Longer values are rare and not worth keeping alive.
    private const int MaxRemembered = 256;

    // The names servers commonly send, as they spell them; a lower-case spelling (Node, some proxies) is matched too.
    private static readonly string[] CommonNames =
    [
        "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods",
        "Access-Control-Allow-Headers", "Access-Control-Max-Age", "Access-Control-Expose-Headers",
        "Access-Control-Allow-Private-Network", "Vary", "Location", "Content-Type", "Content-Length", "Date", "Server",
        "Connection", "Keep-Alive", "Transfer-Encoding", "Cache-Control", "ETag", "Last-Modified", "Expires", "Pragma",
        "Set-Cookie", "Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy",
        "Content-Encoding", "Accept-Ranges", "Alt-Svc", "Via", "Age", "Allow", "X-Powered-By", "Referrer-Policy",
    ];

    private static readonly string[] LowerCaseNames = [.. CommonNames.Select(name => name.ToLowerInvariant())];

    private static readonly string?[] LastValues = new string?[CommonNames.Length];

    private static string? _lastReason;

    /// <summary>A header name: the shared string when it is a common one.</summary>
    public static string Name(ReadOnlySpan<byte> bytes, out int common)
    {
        for (common = 0; common < CommonNames.Length; common++)
        {
            if (CommonNames[common].Length != bytes.Length)
            {
                continue;
            }

            if (Ascii.Equals(bytes, CommonNames[common]))
            {
                return CommonNames[common];
            }

            if (Ascii.Equals(bytes, LowerCaseNames[common]))
            {
                return LowerCaseNames[common];
            }
        }

        common = -1;
        return Latin1(bytes);
    }

    /// <summary>The value of a header named by <see cref="Name"/>: the last one seen under that name when the bytes are the same.</summary>
    public static string Value(ReadOnlySpan<byte> bytes, int common) =>
        common < 0 ? Latin1(bytes) : Remembered(ref LastValues[common], bytes);

    /// <summary>The reason phrase of a status line.</summary>
    public static string Reason(ReadOnlySpan<byte> bytes) => Remembered(ref _lastReason, bytes);

    private static string Remembered(ref string? last, ReadOnlySpan<byte> bytes)
    {
        var seen = Volatile.Read(ref last);
        if (seen is not null && Ascii.Equals(bytes, seen))
        {
            return seen;
        }

        var text = Latin1(bytes);
        if (text.Length <= MaxRemembered)
        {
            Volatile.Write(ref last, text);
        }

        return text;
    }

    private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}

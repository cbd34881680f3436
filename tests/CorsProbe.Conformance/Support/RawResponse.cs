using System.Text;

namespace CorsProbing.Conformance.Support;

/// <summary>
/// A response written byte for byte as described: the status line, then each header line exactly as given (repeated
/// names, odd casing and raw whitespace around values included), then the body.
/// </summary>
public sealed record RawResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Lines, string Body = "")
{
    /// <summary>A 200 with a body of the given media type.</summary>
    public static RawResponse Ok(string contentType, string body, params KeyValuePair<string, string>[] lines) =>
        new(200, [new("Content-Type", contentType), .. lines], body);

    /// <summary>Serializes the response; <c>Content-Length</c> is added except where the status forbids a body.</summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        text.Append("HTTP/1.1 ").Append(Status).Append(' ').Append(Reason(Status)).Append("\r\n");
        foreach (var (name, value) in Lines)
        {
            text.Append(name).Append(':').Append(value.StartsWith(' ') || value.StartsWith('\t') ? string.Empty : " ").Append(value).Append("\r\n");
        }

        var body = Encoding.UTF8.GetBytes(Body);
        if (Status is not (204 or 304))
        {
            text.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        text.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(text.ToString()), .. body];
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        _ => "Status",
    };
}

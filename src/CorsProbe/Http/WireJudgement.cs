namespace CorsProbing.Http;

/// <summary>
/// Puts browsers' reading of the raw bytes (<see cref="WireHeadParser"/>) in place of .NET's when the default transport
/// captured them: a response browsers refuse becomes a failure, one they accept is judged as they read it (even when
/// .NET's parser refused it), and a connection that delivered a refused response is closed.
/// </summary>
internal static class WireJudgement
{
    /// <summary>
    /// The snapshot or failure of one exchange as browsers read the raw bytes in <paramref name="capture"/>, or null
    /// when they were not captured (a handler the caller supplied, HTTP/2) or cannot be judged (cut short by a
    /// timeout): then .NET's reading stands. <paramref name="failure"/> is .NET's failure, if it refused the response.
    /// </summary>
    public static (ResponseSnapshot? Snapshot, ExchangeFailure? Failure)? Judge(HeadCapture capture, Uri? url, ExchangeFailure? failure)
    {
        // No byte at all is a transport failure (refused, reset, closed), not a malformed response.
        if (!capture.Attached || capture.IsEmpty || failure is { Kind: not ExchangeFailureKind.Failed } || !(capture.Complete || capture.Ended))
        {
            return null;
        }

        if (WireHeadParser.Parse(capture.Bytes, capture.Ended, capture.Tls) is not { } head)
        {
            return null;
        }

        if (head.Defect is { } defect)
        {
            capture.CloseConnection();
            return (null, new ExchangeFailure(ExchangeFailureKind.MalformedResponse, defect) { RawBytesRead = true });
        }

        IReadOnlyList<string> leniencies = failure is null
            ? head.Leniencies
            : [.. head.Leniencies, $".NET's HTTP parser refused this response ({failure.Description.TrimEnd('.')})"];
        return (new ResponseSnapshot(head.Status, head.ReasonPhrase, head.Lines, url) { RawBytesRead = true, Leniencies = leniencies }, null);
    }
}

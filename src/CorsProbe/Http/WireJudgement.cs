namespace CorsProbing.Http;

/// <summary>
/// Puts browsers' reading of the raw bytes (<see cref="WireHeadParser"/>) in place of .NET's when the default transport
/// captured them: a response browsers refuse becomes a failure, one they accept is judged as they read it (even when
/// .NET's parser refused it), and a connection that delivered a refused response is closed.
/// </summary>
internal static class WireJudgement
{
    /// <summary>The snapshot and failure of one exchange after the raw bytes in <paramref name="capture"/> are read.</summary>
    public static (ResponseSnapshot? Snapshot, ExchangeFailure? Failure) Apply(
        HeadCapture capture, HttpRequestMessage request, ResponseSnapshot? snapshot, ExchangeFailure? failure)
    {
        // No byte at all is a transport failure (refused, reset, closed), not a malformed response.
        if (!capture.Attached || capture.IsEmpty || failure is { Kind: not ExchangeFailureKind.Failed } || !(capture.Complete || capture.Ended))
        {
            return (snapshot, failure);
        }

        if (WireHeadParser.Parse(capture.Bytes, capture.Ended, capture.Tls) is not { } head)
        {
            return (snapshot, failure);
        }

        if (head.Defect is { } defect)
        {
            capture.CloseConnection();
            return (null, new ExchangeFailure(ExchangeFailureKind.MalformedResponse, defect) { RawBytesRead = true });
        }

        IReadOnlyList<string> leniencies = failure is null
            ? head.Leniencies
            : [.. head.Leniencies, $".NET's HTTP parser refused this response ({failure.Description.TrimEnd('.')})"];
        return (new ResponseSnapshot(head.Status, head.ReasonPhrase, head.Lines, snapshot?.FinalUrl ?? request.RequestUri) { WireChecked = true, Leniencies = leniencies }, null);
    }
}

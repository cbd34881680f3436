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
    public static (ResponseSnapshot? Snapshot, ExchangeFailure? Failure)? Judge(HeadCapture capture, Uri? url, ExchangeFailure? failure) =>
        Judge(capture, url, failure, EngineSet.Of(BrowserEngine.Chromium), out _);

    /// <summary>
    /// As <see cref="Judge(HeadCapture, Uri?, ExchangeFailure?)"/>, read as the first of <paramref name="engines"/> reads
    /// it; <paramref name="readings"/> are each group's reading of the same bytes when the engines do not all read them
    /// alike (a malformed head), else null.
    /// </summary>
    public static (ResponseSnapshot? Snapshot, ExchangeFailure? Failure)? Judge(
        HeadCapture capture, Uri? url, ExchangeFailure? failure, EngineSet engines, out IReadOnlyList<EngineReading>? readings)
    {
        readings = null;

        // No byte at all is a transport failure (refused, reset, closed), not a malformed response.
        if (!capture.Attached || capture.IsEmpty || failure is { Kind: not ExchangeFailureKind.Failed } || !(capture.Complete || capture.Ended))
        {
            return null;
        }

        var first = engines.Engines.FirstOrDefault() ?? BrowserEngine.Chromium;
        if (WireHeadParser.Parse(capture.Bytes, capture.Ended, capture.Tls, first.Wire) is not { } head)
        {
            return null;
        }

        // A head every engine reads alike needs one reading; one with anything odd in it is read by each engine.
        if (!IsPlain(head, capture.Bytes) && Groups(capture, engines, first, head) is { } groups)
        {
            readings = [.. groups.Select(group => Reading(group.Engines, group.Head, url, failure))];
        }

        // A connection that delivered bytes some engine refuses is not used again.
        if (head.Defect is not null || readings?.Any(r => r.Failure is not null) == true)
        {
            capture.CloseConnection();
        }

        var primary = Reading(engines, head, url, failure);
        return (primary.Response, primary.Failure);
    }

    private static EngineReading Reading(EngineSet engines, WireHead head, Uri? url, ExchangeFailure? failure)
    {
        if (head.Defect is { } defect)
        {
            return new EngineReading(engines, null, new ExchangeFailure(ExchangeFailureKind.MalformedResponse, defect) { RawBytesRead = true });
        }

        IReadOnlyList<string> leniencies = failure is null
            ? head.Leniencies
            : [.. head.Leniencies, $".NET's HTTP parser refused this response ({failure.Description.TrimEnd('.')})"];
        return new EngineReading(engines, new ResponseSnapshot(head.Status, head.ReasonPhrase, head.Lines, url) { RawBytesRead = true, Leniencies = leniencies }, null);
    }

    // Chromium found nothing odd (no leniency, no defect: no NUL, no bare CR), the status line is a plain "HTTP/1.x NNN",
    // no CR stands alone or doubled, no framing or conflict header another engine reads otherwise, and the head is under
    // every engine's limit: then every engine reads it alike, and one parse serves them all.
    private static bool IsPlain(WireHead head, ReadOnlySpan<byte> bytes) =>
        head.Defect is null && head.Leniencies.Count == 0
        && (bytes.StartsWith("HTTP/1.1 "u8) || bytes.StartsWith("HTTP/1.0 "u8)) && bytes.Length > 12 && bytes[12] is (byte)' ' or (byte)'\r'
        && head.Status is >= 200 and <= 599 && bytes.Count((byte)'\r') == bytes.Count("\r\n"u8)
        && bytes.Length < WireRules.WebKit.MaxHeadBytes && !HasOddFraming(head.Lines) && StatusAt(bytes) == head.Status;

    private static int StatusAt(ReadOnlySpan<byte> bytes) => ((bytes[9] - '0') * 100) + ((bytes[10] - '0') * 10) + (bytes[11] - '0');

    private static bool HasOddFraming(KeyValuePair<string, string>[] lines)
    {
        foreach (var (name, value) in lines)
        {
            if ((name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && (value.Length is 0 or > 18 || value.AsSpan().ContainsAnyExceptInRange('0', '9')))
                || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Location", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The engines grouped by reading, each with its reading; null when they all read the bytes alike.
    private static List<(WireHead Head, EngineSet Engines)>? Groups(HeadCapture capture, EngineSet engines, BrowserEngine first, WireHead head)
    {
        var readings = new List<(WireHead Head, EngineSet Engines)> { (head, EngineSet.Of(first)) };
        foreach (var engine in engines.Engines.Skip(1))
        {
            var other = WireHeadParser.Parse(capture.Bytes, capture.Ended, capture.Tls, engine.Wire) ?? WireHead.Refused("the head is incomplete");
            var same = readings.FindIndex(r => Alike(r.Head, other));
            if (same < 0)
            {
                readings.Add((other, EngineSet.Of(engine)));
            }
            else
            {
                readings[same] = (readings[same].Head, readings[same].Engines.Union(EngineSet.Of(engine)));
            }
        }

        return readings.Count == 1 ? null : readings;
    }

    // Two readings are alike when both refuse the bytes, or both accept them with the same status and lines.
    private static bool Alike(WireHead one, WireHead other) =>
        (one.Defect is null) == (other.Defect is null)
        && (one.Defect is not null || (one.Status == other.Status && one.Lines.AsSpan().SequenceEqual(other.Lines)));
}

namespace CorsProbing.Http;

/// <summary>
/// Each engine's reading of one response head's raw bytes: the head is parsed once per distinct <see cref="WireRules"/>
/// among the engines, and engines whose readings are alike share one <see cref="HeadReading"/>. A head browsers
/// refuse becomes a failure for the engines that refuse it.
/// </summary>
internal static class HeadReadings
{
    /// <summary>
    /// The readings of <paramref name="bytes"/> (the response as it arrived, up to the end of its final head, or every
    /// byte when the connection ended or the head limit was reached) for <paramref name="engines"/>, in engine order.
    /// <paramref name="fields"/> is where each reading gathers its lines before they are copied into it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<HeadReading> Read(ReadOnlySpan<byte> bytes, bool ended, bool tls, EngineSet engines, Uri url, List<KeyValuePair<string, string>> fields)
    {
        // Each engine's reading, the first one's strings reused by the others wherever they read the same text.
        var groups = new List<(WireHead Head, EngineSet Engines)>(1);
        for (var e = 0; e < BrowserEngine.All.Count; e++)
        {
            var engine = BrowserEngine.All[e];
            if (!engines.Contains(engine))
            {
                continue;
            }

            var parsed = WireHeadParser.Parse(bytes, ended, tls, WireRules.Of(engine), groups.Count > 0 ? groups[0].Head : null, fields)
                ?? WireHead.Refused("the response head is incomplete");
            var alike = 0;
            while (alike < groups.Count && !Alike(groups[alike].Head, parsed))
            {
                alike++;
            }

            if (alike == groups.Count)
            {
                groups.Add((parsed, EngineSet.Of(engine)));
            }
            else
            {
                groups[alike] = (groups[alike].Head, groups[alike].Engines.Union(EngineSet.Of(engine)));
            }
        }

        var readings = new HeadReading[groups.Count];
        for (var i = 0; i < readings.Length; i++)
        {
            var (head, group) = groups[i];
            readings[i] = head.Defect is { } defect
                ? new HeadReading(group, null, new ExchangeFailure(ExchangeFailureKind.MalformedResponse, defect) { RawBytesRead = true })
                : new HeadReading(group, new ResponseSnapshot(head.Status, head.ReasonPhrase, head.Lines, url) { RawBytesRead = true, Leniencies = head.Leniencies }, null);
        }

        return readings;
    }

    // Two readings are alike when both refuse the bytes, or both accept them with the same status and lines.
    private static bool Alike(WireHead one, WireHead other)
    {
        if (ReferenceEquals(one, other) || (one.Defect is not null && other.Defect is not null))
        {
            return true;
        }

        if (one.Defect is not null || other.Defect is not null || one.Status != other.Status || one.Lines.Length != other.Lines.Length)
        {
            return false;
        }

        for (var i = 0; i < one.Lines.Length; i++)
        {
            if (!string.Equals(one.Lines[i].Key, other.Lines[i].Key, StringComparison.Ordinal) || !string.Equals(one.Lines[i].Value, other.Lines[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

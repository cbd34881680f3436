namespace CorsProbing.Http;

/// <summary>
/// Each engine's reading of one response head's raw bytes: the head is parsed once per distinct <see cref="WireRules"/>
/// among the engines, and engines whose readings are alike share one <see cref="EngineReading"/>. A head browsers
/// refuse becomes a failure for the engines that refuse it.
/// </summary>
internal static class HeadReadings
{
    /// <summary>
    /// The readings of <paramref name="bytes"/> (the response as it arrived, up to the end of its final head, or every
    /// byte when the connection ended or the head limit was reached) for <paramref name="engines"/>, in engine order.
    /// </summary>
    public static IReadOnlyList<EngineReading> Read(ReadOnlySpan<byte> bytes, bool ended, bool tls, EngineSet engines, Uri url)
    {
        var groups = new List<(WireRules Rules, WireHead Head, EngineSet Engines)>(1);
        foreach (var engine in engines.Engines)
        {
            var parsed = groups.FindIndex(g => g.Rules == engine.Wire) is var same and >= 0
                ? groups[same].Head
                : WireHeadParser.Parse(bytes, ended, tls, engine.Wire) ?? WireHead.Refused("the response head is incomplete");
            var alike = groups.FindIndex(g => Alike(g.Head, parsed));
            if (alike < 0)
            {
                groups.Add((engine.Wire, parsed, EngineSet.Of(engine)));
            }
            else
            {
                groups[alike] = groups[alike] with { Engines = groups[alike].Engines.Union(EngineSet.Of(engine)) };
            }
        }

        var readings = new EngineReading[groups.Count];
        for (var i = 0; i < readings.Length; i++)
        {
            var (_, head, group) = groups[i];
            readings[i] = head.Defect is { } defect
                ? new EngineReading(group, null, new ExchangeFailure(ExchangeFailureKind.MalformedResponse, defect) { RawBytesRead = true })
                : new EngineReading(group, new ResponseSnapshot(head.Status, head.ReasonPhrase, head.Lines, url) { RawBytesRead = true, Leniencies = head.Leniencies }, null);
        }

        return readings;
    }

    // Two readings are alike when both refuse the bytes, or both accept them with the same status and lines.
    private static bool Alike(WireHead one, WireHead other) =>
        (one.Defect is null) == (other.Defect is null)
        && (one.Defect is not null || (one.Status == other.Status && one.Lines.AsSpan().SequenceEqual(other.Lines)));
}

namespace CorsProbing;

/// <summary>
/// One input of a batch and its report (<see cref="CorsProbe.ProbeManyAsync{TKey}(CorsProbeBuilder, IEnumerable{KeyValuePair{TKey, string}}, CorsBatchOptions, CancellationToken)"/>): the key the caller gave it, the
/// URL exactly as given, and the report, which for an input that is not a URL to probe says so (<c>CORS020</c>) and
/// sends nothing.
/// </summary>
/// <typeparam name="TKey">The caller's key: an id, a row, the input's position.</typeparam>
public sealed class CorsBatchResult<TKey>
{
    internal CorsBatchResult(TKey key, string? url, CorsReport report)
    {
        Key = key;
        Url = url;
        Report = report;
    }

    /// <summary>The key the caller gave this input (with the <see cref="IEnumerable{T}"/> of strings, its position, from 0).</summary>
    public TKey Key { get; }

    /// <summary>The URL exactly as given (null when the input held none).</summary>
    public string? Url { get; }

    /// <summary>The report of this input.</summary>
    public CorsReport Report { get; }

    /// <summary>The key, the verdict and the URL: <c>3: Denied https://api.example.com/quests</c>.</summary>
    /// <returns>The result as text.</returns>
    public override string ToString() => $"{Key}: {Report.Verdict} {Url}";
}

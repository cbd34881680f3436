namespace CorsProbing;

/// <summary>Limits of <see cref="CorsProbe.ProbeManyAsync(IEnumerable{CorsProbeBuilder}, CorsBatchOptions, CancellationToken)"/>. Immutable; use <c>with</c> to change a value.</summary>
public sealed record CorsBatchOptions
{
    /// <summary>The defaults: 32 probes at once, at most 4 at a time per host.</summary>
    public static CorsBatchOptions Default { get; } = new();

    /// <summary>How many probes run at once across all hosts; at least 1.</summary>
    public int MaxConcurrency
    {
        get;
        init => field = ConcurrencyProblem(value, perHost: false) is { } problem ? throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), value, problem) : value;
    } = 32;

    /// <summary>How many probes run at once against one host (politeness toward each customer's API); at least 1.</summary>
    public int MaxConcurrencyPerHost
    {
        get;
        init => field = ConcurrencyProblem(value, perHost: true) is { } problem ? throw new ArgumentOutOfRangeException(nameof(MaxConcurrencyPerHost), value, problem) : value;
    } = 4;

    /// <summary>Why <paramref name="value"/> cannot be a limit of probes at once (across all hosts, or per host), or null.</summary>
    internal static string? ConcurrencyProblem(int value, bool perHost) =>
        value >= 1 ? null : perHost ? "At least one probe per host must be able to run." : "At least one probe must be able to run.";
}

namespace CorsProbing;

/// <summary>Limits of <see cref="CorsProbe.ProbeManyAsync"/>. Immutable; use <c>with</c> to change a value.</summary>
public sealed record CorsBatchOptions
{
    /// <summary>The defaults: 32 probes at once, at most 4 at a time per host.</summary>
    public static CorsBatchOptions Default { get; } = new();

    /// <summary>How many probes run at once across all hosts; at least 1.</summary>
    public int MaxConcurrency
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), value, "At least one probe must be able to run.");
    } = 32;

    /// <summary>How many probes run at once against one host (politeness toward each customer's API); at least 1.</summary>
    public int MaxConcurrencyPerHost
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxConcurrencyPerHost), value, "At least one probe per host must be able to run.");
    } = 4;
}

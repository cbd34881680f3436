namespace CorsProbing.Dashboard.Storage;

/// <summary>What became of a watched check's result.</summary>
/// <param name="Written">Whether it was recorded.</param>
/// <param name="Transition">The verdict transition it made, if any.</param>
/// <param name="Reason">Why it was not recorded: <c>"lease lost"</c> or <c>"removed"</c>.</param>
public sealed record RecordOutcome(bool Written, VerdictTransition? Transition, string? Reason)
{
    /// <summary>Refused: the replica's lease on the host expired (another replica may have claimed it and written since).</summary>
    public static RecordOutcome LeaseLost { get; } = new(false, null, "lease lost");

    /// <summary>Not written: the API was removed while it was checked.</summary>
    public static RecordOutcome Removed { get; } = new(false, null, "removed");

    /// <summary>Recorded, with the transition it made.</summary>
    public static RecordOutcome Recorded(VerdictTransition? transition) => new(true, transition, null);
}

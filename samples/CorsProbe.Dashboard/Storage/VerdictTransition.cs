namespace CorsProbing.Dashboard.Storage;

/// <summary>A registered API's verdict changed between two checks: Allowed → Denied, or back.</summary>
/// <param name="ApiId">The API.</param>
/// <param name="CheckId">The check that saw the change (one check, one transition: the webhook's idempotency key comes from it).</param>
/// <param name="From">The verdict before.</param>
/// <param name="To">The verdict now.</param>
/// <param name="Alert">The alert an Allowed → Denied change raises (the finding that changed); null for Denied → Allowed.</param>
public sealed record VerdictTransition(long ApiId, long CheckId, CorsVerdict From, CorsVerdict To, string? Alert)
{
    /// <summary>The key a receiver de-duplicates deliveries of this transition by.</summary>
    public string IdempotencyKey => $"corsprobe-api-{ApiId}-check-{CheckId}";
}

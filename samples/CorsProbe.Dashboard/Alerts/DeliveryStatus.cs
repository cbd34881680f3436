namespace CorsProbing.Dashboard.Alerts;

/// <summary>A delivery as <c>GET /api/deliveries</c> shows it.</summary>
/// <param name="Id">The store's key.</param>
/// <param name="ApiId">The API whose transition it carries.</param>
/// <param name="IdempotencyKey">The key the receiver de-duplicates by.</param>
/// <param name="CreatedAt">When the transition was recorded.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="DeliveredAt">When the receiver took it; null until then.</param>
/// <param name="ExpiresAt">When the dashboard stops trying.</param>
/// <param name="LastError">Why the last attempt failed, if it did.</param>
public sealed record DeliveryStatus(long Id, long ApiId, string IdempotencyKey, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? DeliveredAt, DateTimeOffset ExpiresAt, string? LastError);

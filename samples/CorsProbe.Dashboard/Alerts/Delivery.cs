namespace CorsProbing.Dashboard.Alerts;

/// <summary>A transition waiting for its account's receiver, claimed by one replica for one attempt.</summary>
/// <param name="Id">The store's key.</param>
/// <param name="Account">The account whose webhook receives it.</param>
/// <param name="IdempotencyKey">The same on every attempt: the receiver keeps the first and drops the rest.</param>
/// <param name="Payload">The JSON body, as stored when the transition was recorded.</param>
/// <param name="Attempts">How many attempts failed before this one.</param>
public sealed record Delivery(long Id, string Account, string IdempotencyKey, string Payload, int Attempts);

namespace CorsProbing.Dashboard.Accounts;

/// <summary>An account as the dashboard holds it: its key only as a SHA-256 hash, its webhook if it has one.</summary>
/// <param name="Name">Its name, the key of <c>Dashboard:Accounts</c>.</param>
/// <param name="KeyHash">SHA-256 of its API key; null when it has none.</param>
/// <param name="Webhook">Its webhook; null when it has none.</param>
public sealed record Account(string Name, byte[]? KeyHash, Webhook? Webhook);

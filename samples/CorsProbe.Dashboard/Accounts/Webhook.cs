namespace CorsProbing.Dashboard.Accounts;

/// <summary>Where an account's alerts go, and the key their signature is made with.</summary>
/// <param name="Url">The receiver.</param>
/// <param name="Secret">The HMAC-SHA256 key (UTF-8 bytes of <see cref="AccountOptions.WebhookSecret"/>).</param>
public sealed record Webhook(Uri Url, byte[] Secret);
